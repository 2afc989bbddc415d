using System.Data.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Iad.Contracts.V1;

namespace Iad.Metrics.Service.Store;

/// <summary>
/// Runs and result rows in a relational store (SQLite or PostgreSQL through the same SQL). Each write is one
/// transaction, committed before the call is acknowledged; SQLite runs in WAL mode with full fsync, so an
/// acknowledged row survives a process kill. A row is the protobuf <see cref="ResultRow"/>, keyed by
/// (run, trained task, evaluated task): appending the same key again replaces it, which makes retries safe.
/// </summary>
public sealed class ResultsStore(Func<DbConnection> connectionFactory, bool sqlite)
{
    private readonly SemaphoreSlim _schemaOnce = new(1, 1);
    private bool _schemaReady;

    public async Task<Run> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(request.RequestId)
            && await FindRunIdByRequestAsync(connection, request.RequestId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (await GetRunAsync(existing, includeRows: false, cancellationToken).ConfigureAwait(false))!;
        }

        var run = new Run
        {
            RunId = $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}",
            Kind = string.IsNullOrEmpty(request.Kind) ? "single" : request.Kind,
            Method = request.Method,
            Dataset = request.Dataset,
            Setting = request.Setting,
            Seed = request.Seed,
            ConfigJson = request.ConfigJson,
            Created = Timestamp.FromDateTime(DateTime.UtcNow),
        };
        run.Tasks.AddRange(request.Tasks);

        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (run_id, request_id, kind, method, dataset, setting, seed, created_unix_ms, record)
            VALUES (@run_id, @request_id, @kind, @method, @dataset, @setting, @seed, @created, @record)
            """;
        Add(command, "@run_id", run.RunId);
        Add(command, "@request_id", string.IsNullOrEmpty(request.RequestId) ? DBNull.Value : request.RequestId);
        Add(command, "@kind", run.Kind);
        Add(command, "@method", run.Method);
        Add(command, "@dataset", run.Dataset);
        Add(command, "@setting", run.Setting);
        Add(command, "@seed", run.Seed);
        Add(command, "@created", run.Created.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Add(command, "@record", run.ToByteArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>Upserts one row in a transaction and returns the run's row count after it.</summary>
    public async Task<int> AppendResultAsync(string runId, ResultRow row, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await RunExistsAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false))
            throw new KeyNotFoundException($"run '{runId}' does not exist");

        row.Recorded ??= Timestamp.FromDateTime(DateTime.UtcNow);
        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO result_rows (run_id, trained_task, eval_task, record) VALUES (@run_id, @trained, @eval, @record)
                ON CONFLICT (run_id, trained_task, eval_task) DO UPDATE SET record = excluded.record
                """;
            Add(upsert, "@run_id", runId);
            Add(upsert, "@trained", row.TrainedTask);
            Add(upsert, "@eval", row.EvalTask);
            Add(upsert, "@record", row.ToByteArray());
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int count;
        await using (var countCommand = connection.CreateCommand())
        {
            countCommand.Transaction = transaction;
            countCommand.CommandText = "SELECT COUNT(*) FROM result_rows WHERE run_id = @run_id";
            Add(countCommand, "@run_id", runId);
            count = Convert.ToInt32(await countCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>The run with its rows ordered by (trained task, evaluated task), or null.</summary>
    public async Task<Run?> GetRunAsync(string runId, bool includeRows, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        Run? run;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT record FROM runs WHERE run_id = @run_id";
            Add(command, "@run_id", runId);
            run = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] bytes ? Run.Parser.ParseFrom(bytes) : null;
        }
        if (run is null || !includeRows) return run;

        await using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT record FROM result_rows WHERE run_id = @run_id ORDER BY trained_task, eval_task";
        Add(rows, "@run_id", runId);
        await using var reader = await rows.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            run.Rows.Add(ResultRow.Parser.ParseFrom((byte[])reader[0]));
        return run;
    }

    /// <summary>Runs without rows, newest first, filtered by the non-empty fields of <paramref name="request"/>.</summary>
    public async Task<IReadOnlyList<Run>> ListRunsAsync(ListRunsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var filters = new List<string>();
        foreach (var (column, value) in new[] { ("method", request.Method), ("dataset", request.Dataset), ("setting", request.Setting), ("kind", request.Kind) })
        {
            if (string.IsNullOrEmpty(value)) continue;
            filters.Add($"{column} = @{column}");
            Add(command, "@" + column, value);
        }
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        command.CommandText = $"SELECT record FROM runs {where} ORDER BY created_unix_ms DESC, run_id DESC LIMIT @limit";
        Add(command, "@limit", request.PageSize is > 0 and <= 1000 ? request.PageSize : 100);
        var runs = new List<Run>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) runs.Add(Run.Parser.ParseFrom((byte[])reader[0]));
        return runs;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = connectionFactory();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (sqlite)
        {
            await using var pragmas = connection.CreateCommand();
            // WAL + FULL: a committed transaction is on disk before the call returns.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (!_schemaReady) await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _schemaOnce.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady) return;
            var blob = sqlite ? "BLOB" : "BYTEA";
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE IF NOT EXISTS runs (
                    run_id TEXT PRIMARY KEY, request_id TEXT UNIQUE, kind TEXT NOT NULL, method TEXT NOT NULL,
                    dataset TEXT NOT NULL, setting TEXT NOT NULL, seed INTEGER NOT NULL, created_unix_ms BIGINT NOT NULL,
                    record {blob} NOT NULL);
                CREATE TABLE IF NOT EXISTS result_rows (
                    run_id TEXT NOT NULL REFERENCES runs (run_id), trained_task INTEGER NOT NULL, eval_task INTEGER NOT NULL,
                    record {blob} NOT NULL, PRIMARY KEY (run_id, trained_task, eval_task));
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaOnce.Release();
        }
    }

    private static async Task<string?> FindRunIdByRequestAsync(DbConnection connection, string requestId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id FROM runs WHERE request_id = @request_id";
        Add(command, "@request_id", requestId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task<bool> RunExistsAsync(DbConnection connection, DbTransaction transaction, string runId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM runs WHERE run_id = @run_id";
        Add(command, "@run_id", runId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
