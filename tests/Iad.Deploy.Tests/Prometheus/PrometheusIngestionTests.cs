using Iad.Deploy.Tests.Support;

namespace Iad.Deploy.Tests.Prometheus;

/// <summary>A real Prometheus, configured from deploy/prometheus/prometheus.yml, scraping the live services.</summary>
[Collection(LiveFleet.Name)]
public sealed class PrometheusIngestionTests(ServiceFleet fleet)
{
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Prometheus_ingests_detection_latency_and_eval_metrics_from_all_four_jobs()
    {
        fleet.AssertTrafficSucceeded("detection");
        fleet.AssertTrafficSucceeded("metrics");
        await using var prometheus = await StartAsync();
        using var stop = new CancellationTokenSource();
        var load = DetectUntilAsync(stop.Token);
        try
        {
            var up = await prometheus.WaitForAsync("up", r => r.Length == ServiceFleet.Names.Length && r.All(s => PrometheusServer.ValueOf(s) == 1), IngestTimeout);
            Assert.Equal(["iad-dataset", "iad-detection", "iad-metrics", "iad-training"],
                up.Select(s => PrometheusServer.LabelOf(s, "job")).Order(StringComparer.Ordinal));

            var requests = await prometheus.WaitForAsync(
                $"iad_detection_request_duration_seconds_count{{model=\"{FleetTraffic.ModelName}\",provider=\"cpu\",job=\"iad-detection\"}}",
                r => r.Length == 1 && PrometheusServer.ValueOf(r[0]) > 0, IngestTimeout);
            Assert.Single(requests);

            var auroc = await prometheus.WaitForAsync("iad_eval_metric{metric=\"image_auroc\",method=\"patchcore\",job=\"iad-metrics\"}", r => r.Length == 1, IngestTimeout);
            Assert.Equal(FleetTraffic.StoredAuroc, PrometheusServer.ValueOf(auroc[0]), 12);

            // The dashboard's own p99 panel query yields a latency for the tiny model once two scrapes saw traffic.
            var p99 = DashboardQueries.All().Single(q => q.Panel == "Request latency p50 / p95 / p99" && q.Expression.StartsWith("histogram_quantile(0.99", StringComparison.Ordinal));
            var latency = await prometheus.WaitForAsync(DashboardQueries.Instantiate(p99.Expression),
                r => r.Any(s => PrometheusServer.LabelOf(s, "model") == FleetTraffic.ModelName && double.IsFinite(PrometheusServer.ValueOf(s))), IngestTimeout);
            var seconds = PrometheusServer.ValueOf(latency.First(s => PrometheusServer.LabelOf(s, "model") == FleetTraffic.ModelName));
            Assert.InRange(seconds, 0, 30);
        }
        finally
        {
            await stop.CancelAsync();
            await load;
        }
    }

    [Fact]
    public async Task Every_dashboard_query_is_valid_promql()
    {
        await using var prometheus = await StartAsync();
        var failures = new List<string>();
        foreach (var query in DashboardQueries.All())
        {
            // Variable queries are Grafana functions, not PromQL: check the series selector inside them.
            var expression = query.Expression.StartsWith("label_values(", StringComparison.Ordinal)
                ? query.Expression["label_values(".Length..query.Expression.LastIndexOf(',')]
                : DashboardQueries.Instantiate(query.Expression);
            var (_, error) = await prometheus.QueryAsync(expression);
            if (error is not null) failures.Add($"{query.Dashboard} / {query.Panel}: {expression} → {error}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task<PrometheusServer> StartAsync()
    {
        var binary = ExternalTool.Find("prometheus");
        Assert.True(binary is not null,
            "The prometheus binary is not on PATH. Install it with: apt-get install -y --no-install-recommends prometheus");
        return await PrometheusServer.StartAsync(binary, PrometheusServer.LoopbackConfig(fleet.HttpPorts), TimeSpan.FromSeconds(30));
    }

    private async Task DetectUntilAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await FleetTraffic.DetectAsync(fleet["detection"], requests: 1, stop);
                await Task.Delay(50, stop);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
