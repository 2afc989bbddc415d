using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Evaluation.Reports;
using ViewAggregation = Iad.Evaluation.Sample.ViewAggregation;
using Iad.Metrics.Service.Store;

namespace Iad.Metrics.Service.Services;

/// <summary>iad.v1.MetricsService: adapts the results store and the evaluation library to gRPC.</summary>
public sealed class MetricsGrpcService(ResultsStore store) : MetricsService.MetricsServiceBase
{
    public override async Task<EvaluateResponse> Evaluate(IAsyncStreamReader<EvaluateRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken) || requestStream.Current.MessageCase != EvaluateRequest.MessageOneofCase.Header)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the first message of Evaluate must be the header"));

        var session = new EvaluationSession(Settings(requestStream.Current.Header));
        var decoder = new RecordDecoder();
        while (await requestStream.MoveNext(cancellationToken))
        {
            var record = requestStream.Current.Record
                ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "only one header is allowed; later messages must be records"));
            if (string.IsNullOrEmpty(record.Id)) throw new RpcException(new Status(StatusCode.InvalidArgument, $"record {session.Count} has no id"));
            if (record.Label is not (Label.Normal or Label.Anomalous))
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"record '{record.Id}': label must be NORMAL or ANOMALOUS"));
            var (map, mask, width) = decoder.Decode(record);
            session.Add(record.Id, record.SampleId, record.Label == Label.Anomalous ? 1 : 0, record.Score, map.Span, mask.Span, width);
        }
        if (session.Count == 0) throw new RpcException(new Status(StatusCode.InvalidArgument, "no records were sent"));
        return new EvaluateResponse { Report = ReportMapper.ToContract(session.Compute()) };
    }

    public override async Task<CreateRunResponse> CreateRun(CreateRunRequest request, ServerCallContext context)
    {
        Require(request.Method, "method");
        Require(request.Dataset, "dataset");
        if (request.Kind is not ("" or "single" or "continual" or "bench"))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"kind must be single, continual or bench, not '{request.Kind}'"));
        return new CreateRunResponse { Run = await store.CreateRunAsync(request, context.CancellationToken) };
    }

    public override async Task<AppendResultResponse> AppendResult(AppendResultRequest request, ServerCallContext context)
    {
        Require(request.RunId, "run_id");
        var row = request.Row ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "row is required"));
        if (row.TrainedTask < 0 || row.EvalTask < 0 || row.EvalTask > row.TrainedTask)
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"need 0 <= eval_task <= trained_task, got trained_task={row.TrainedTask}, eval_task={row.EvalTask}"));
        foreach (var metric in row.Metrics)
        {
            if (string.IsNullOrEmpty(metric.Name)) throw new RpcException(new Status(StatusCode.InvalidArgument, "every metric needs a name"));
            if (metric.HasValue && !double.IsFinite(metric.Value))
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"metric '{metric.Name}' is not finite; leave the value unset and give unavailable_reason instead"));
        }

        var count = await store.AppendResultAsync(request.RunId, row, context.CancellationToken);
        var run = await store.GetRunAsync(request.RunId, includeRows: false, context.CancellationToken);
        EvaluationGauges.Publish(run!, row);
        return new AppendResultResponse { RowCount = count };
    }

    public override async Task<GetRunResponse> GetRun(GetRunRequest request, ServerCallContext context) =>
        new() { Run = await LoadRunAsync(request.RunId, context.CancellationToken) };

    public override async Task<ListRunsResponse> ListRuns(ListRunsRequest request, ServerCallContext context)
    {
        var response = new ListRunsResponse();
        response.Runs.AddRange(await store.ListRunsAsync(request, context.CancellationToken));
        return response;
    }

    public override async Task<CompareRunsResponse> CompareRuns(CompareRunsRequest request, ServerCallContext context)
    {
        if (request.RunIds.Count == 0) throw new RpcException(new Status(StatusCode.InvalidArgument, "run_ids is empty"));
        var response = new CompareRunsResponse();
        var metrics = request.Metrics.ToHashSet();
        foreach (var runId in request.RunIds)
            response.Runs.Add(RunSummaries.Compare(await LoadRunAsync(runId, context.CancellationToken), metrics));
        return response;
    }

    public override async Task<GetContinualSummaryResponse> GetContinualSummary(GetContinualSummaryRequest request, ServerCallContext context)
    {
        Require(request.Metric, "metric");
        return RunSummaries.Continual(await LoadRunAsync(request.RunId, context.CancellationToken), request.Metric);
    }

    private static EvaluationSettings Settings(EvaluateHeader header)
    {
        if (header.HasProFprLimit && header.ProFprLimit is not (> 0 and <= 1))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"pro_fpr_limit must be in (0, 1], got {header.ProFprLimit}"));
        if (header.HasScoreMin != header.HasScoreMax || (header.HasScoreMin && !(header.ScoreMin < header.ScoreMax)))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "score_min and score_max must be given together with score_min < score_max"));
        if (header.MemoryBudgetBytes < 0 || header.ExpectedImages < 0)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "memory_budget_bytes and expected_images must not be negative"));
        return new EvaluationSettings(
            ProFprLimit: header.HasProFprLimit ? header.ProFprLimit : 0.3,
            Aggregation: header.SampleAggregation == SampleAggregation.Mean ? ViewAggregation.Mean : ViewAggregation.Max,
            MemoryBudgetBytes: header.MemoryBudgetBytes > 0 ? header.MemoryBudgetBytes : EvaluationSettings.DefaultMemoryBudgetBytes,
            ScoreMin: header.HasScoreMin ? (float)header.ScoreMin : null,
            ScoreMax: header.HasScoreMax ? (float)header.ScoreMax : null,
            ExpectedImages: header.ExpectedImages,
            IncludeCurves: header.IncludeCurves);
    }

    private async Task<Run> LoadRunAsync(string runId, CancellationToken cancellationToken)
    {
        Require(runId, "run_id");
        return await store.GetRunAsync(runId, includeRows: true, cancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"run '{runId}' does not exist"));
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} is required"));
    }
}
