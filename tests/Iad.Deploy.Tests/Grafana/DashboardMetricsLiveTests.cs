using Iad.Deploy.Tests.Support;

namespace Iad.Deploy.Tests.Grafana;

/// <summary>Every metric a dashboard queries exists in a live scrape of the service that exports it.</summary>
[Collection(LiveFleet.Name)]
public sealed class DashboardMetricsLiveTests(ServiceFleet fleet)
{
    [Theory]
    [InlineData("dataset")]
    [InlineData("training")]
    [InlineData("detection")]
    [InlineData("metrics")]
    public async Task Dashboard_metrics_of_a_service_are_in_its_live_scrape(string service)
    {
        fleet.AssertTrafficSucceeded(service);
        var expected = DashboardMetricNames().Where(name => Owners(name).Contains(service)).ToArray();
        Assert.NotEmpty(expected);
        var scraped = ExpositionText.SampleNames(await fleet[service].ScrapeAsync());

        var missing = expected
            .Where(name => !ExpositionText.HasSeries(scraped, name))
            .Where(name => !(service == "detection" && DashboardQueries.GpuOnlyMetrics.Contains(name)))
            .ToArray();
        Assert.True(missing.Length == 0,
            $"The dashboards query {string.Join(", ", missing)}, absent from the {service} service's /metrics. It exports: {string.Join(", ", scraped.Order())}");
    }

    [Fact]
    public void Every_dashboard_metric_belongs_to_a_service()
    {
        var orphans = DashboardMetricNames().Where(name => Owners(name).Length == 0).ToArray();
        Assert.True(orphans.Length == 0, $"No service exports {string.Join(", ", orphans)}.");
    }

    [Fact]
    public void Gpu_memory_metrics_are_the_names_the_detection_service_exports_on_gpu_hosts()
    {
        // On CPU hosts these families do not exist, so the live scrape cannot vouch for them; the exporter's source can.
        var exporter = Repository.ReadText("services/Iad.Detection.Service/Telemetry/ResourceMonitor.cs");
        foreach (var name in DashboardQueries.GpuOnlyMetrics)
        {
            Assert.Contains(name, DashboardMetricNames());
            Assert.Contains($"\"{name}\"", exporter);
        }
    }

    private static HashSet<string> DashboardMetricNames() =>
        [.. DashboardQueries.All().SelectMany(q => DashboardQueries.MetricNames(q.Expression))];

    /// <summary>The services whose scrape must hold <paramref name="metric"/>: by name prefix; shared families are in all four.</summary>
    private static string[] Owners(string metric) => metric switch
    {
        _ when metric.StartsWith("iad_dataset_", StringComparison.Ordinal) => ["dataset"],
        _ when metric.StartsWith("iad_training_", StringComparison.Ordinal) => ["training"],
        _ when metric.StartsWith("iad_detection_", StringComparison.Ordinal) => ["detection"],
        _ when metric.StartsWith("iad_eval_", StringComparison.Ordinal) => ["metrics"],
        _ when metric.StartsWith("iad_grpc_", StringComparison.Ordinal)
               || metric.StartsWith("process_", StringComparison.Ordinal)
               || metric.StartsWith("dotnet_", StringComparison.Ordinal) => ServiceFleet.Names,
        _ => [],
    };
}
