using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Metrics.Service.Tests;

public sealed class ResultsServiceTests : IDisposable
{
    private readonly MetricsHost _host = new();

    [Fact]
    public async Task Create_run_is_idempotent_on_request_id()
    {
        var client = _host.CreateGrpcClient();
        var request = new CreateRunRequest { RequestId = "r-1", Kind = "continual", Method = "patchcore", Dataset = "synthetic", Setting = "abc", Seed = 1, Tasks = { "a", "b" } };

        var first = await client.CreateRunAsync(request);
        var second = await client.CreateRunAsync(request);

        Assert.Equal(first.Run.RunId, second.Run.RunId);
        Assert.Equal(["a", "b"], second.Run.Tasks);
        Assert.Single((await client.ListRunsAsync(new ListRunsRequest())).Runs);
    }

    [Fact]
    public async Task Rows_are_stored_replaced_by_key_and_returned_in_order()
    {
        var client = _host.CreateGrpcClient();
        var run = (await client.CreateRunAsync(new CreateRunRequest { Method = "padim", Dataset = "synthetic" })).Run;

        await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(1, 0, 0.8) });
        await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(0, 0, 0.9) });
        var replaced = await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(1, 0, 0.85) });
        var stored = (await client.GetRunAsync(new GetRunRequest { RunId = run.RunId })).Run;

        Assert.Equal(2, replaced.RowCount);
        Assert.Equal([(0, 0), (1, 0)], stored.Rows.Select(r => (r.TrainedTask, r.EvalTask)));
        Assert.Equal(0.85, stored.Rows[1].Metrics.Single(m => m.Name == "image_auroc").Value);
        var unavailable = stored.Rows[1].Metrics.Single(m => m.Name == "pixel_aupro");
        Assert.False(unavailable.HasValue);
        Assert.Equal("no masks", unavailable.UnavailableReason);
    }

    [Fact]
    public async Task List_filters_and_compare_averages_final_task_rows()
    {
        var client = _host.CreateGrpcClient();
        var patchcore = (await client.CreateRunAsync(new CreateRunRequest { Method = "patchcore", Dataset = "synthetic" })).Run;
        var padim = (await client.CreateRunAsync(new CreateRunRequest { Method = "padim", Dataset = "synthetic" })).Run;
        foreach (var row in new[] { Rows.Make(0, 0, 0.99), Rows.Make(1, 0, 0.97), Rows.Make(1, 1, 0.95, 0.9) })
            await client.AppendResultAsync(new AppendResultRequest { RunId = patchcore.RunId, Row = row });
        await client.AppendResultAsync(new AppendResultRequest { RunId = padim.RunId, Row = Rows.Make(0, 0, 0.7) });

        var listed = await client.ListRunsAsync(new ListRunsRequest { Method = "padim" });
        var comparison = await client.CompareRunsAsync(new CompareRunsRequest { RunIds = { patchcore.RunId, padim.RunId } });

        Assert.Equal(padim.RunId, Assert.Single(listed.Runs).RunId);
        Assert.Equal(0.96, comparison.Runs[0].Metrics["image_auroc"], 12);
        Assert.Equal(0.9, comparison.Runs[0].Metrics["pixel_aupro"], 12);
        Assert.Equal(2000, comparison.Runs[0].Efficiency.BankRows);
        Assert.False(comparison.Runs[1].Metrics.ContainsKey("pixel_aupro"));
    }

    [Fact]
    public async Task Continual_summary_computes_forgetting_as_defined()
    {
        var client = _host.CreateGrpcClient();
        var run = (await client.CreateRunAsync(new CreateRunRequest { Kind = "continual", Method = "padim", Dataset = "synthetic" })).Run;
        // T = [[0.9], [0.7, 0.8], [0.6, 0.75, 0.95]]
        double[][] t = [[0.9], [0.7, 0.8], [0.6, 0.75, 0.95]];
        for (var k = 0; k < 3; k++)
            for (var j = 0; j <= k; j++)
                await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(k, j, t[k][j]) });

        var summary = await client.GetContinualSummaryAsync(new GetContinualSummaryRequest { RunId = run.RunId, Metric = "image_auroc" });

        Assert.Equal(3, summary.Tasks);
        Assert.Equal(0.75, summary.Matrix[2 * 3 + 1], 12);
        Assert.True(double.IsNaN(summary.Matrix[0 * 3 + 1]));
        // FM_0 = max(0.9, 0.7) - 0.6 = 0.3; FM_1 = 0.8 - 0.75 = 0.05.
        Assert.Equal([0.3, 0.05], summary.Forgetting.Select(v => Math.Round(v, 12)));
        Assert.Equal(0.175, summary.MeanForgetting, 12);
        Assert.Equal((0.6 + 0.75 + 0.95) / 3, summary.FinalAccuracy, 12);
    }

    [Fact]
    public async Task Incomplete_continual_matrix_reports_no_forgetting()
    {
        var client = _host.CreateGrpcClient();
        var run = (await client.CreateRunAsync(new CreateRunRequest { Kind = "continual", Method = "padim", Dataset = "synthetic" })).Run;
        await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(0, 0, 0.9) });
        await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(1, 1, 0.9) });

        var summary = await client.GetContinualSummaryAsync(new GetContinualSummaryRequest { RunId = run.RunId, Metric = "image_auroc" });

        Assert.Equal(2, summary.Tasks);
        Assert.False(summary.HasMeanForgetting);
        Assert.False(summary.HasFinalAccuracy);
    }

    [Fact]
    public async Task Invalid_requests_get_clear_status_codes()
    {
        var client = _host.CreateGrpcClient();
        var run = (await client.CreateRunAsync(new CreateRunRequest { Method = "padim", Dataset = "synthetic" })).Run;

        var future = await Assert.ThrowsAsync<RpcException>(async () => await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(0, 1, 0.5) }));
        var nan = Rows.Make(0, 0, 0.5);
        nan.Metrics[0].Value = double.NaN;
        var notFinite = await Assert.ThrowsAsync<RpcException>(async () => await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = nan }));
        var missingRun = await Assert.ThrowsAsync<RpcException>(async () => await client.AppendResultAsync(new AppendResultRequest { RunId = "nope", Row = Rows.Make(0, 0, 0.5) }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await client.GetRunAsync(new GetRunRequest { RunId = "nope" }));
        var noMethod = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateRunAsync(new CreateRunRequest { Dataset = "d" }));

        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Contains("eval_task=1", future.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, notFinite.StatusCode);
        Assert.Equal(StatusCode.NotFound, missingRun.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noMethod.StatusCode);
    }

    [Fact]
    public async Task Latest_results_are_exported_as_prometheus_gauges()
    {
        var client = _host.CreateGrpcClient();
        var run = (await client.CreateRunAsync(new CreateRunRequest { Method = "patchcore", Dataset = "synthetic", Setting = "s1" })).Run;
        await client.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = Rows.Make(0, 0, 0.875) });

        var text = await _host.CreateClient().GetStringAsync("/metrics");

        Assert.Contains($"iad_eval_metric{{run=\"{run.RunId}\",method=\"patchcore\",dataset=\"synthetic\",setting=\"s1\",metric=\"image_auroc\"}} 0.875", text);
        Assert.DoesNotContain($"run=\"{run.RunId}\",method=\"patchcore\",dataset=\"synthetic\",setting=\"s1\",metric=\"pixel_aupro\"", text);
    }

    public void Dispose() => _host.Dispose();
}
