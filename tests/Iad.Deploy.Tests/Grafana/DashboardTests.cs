using System.Text.Json;
using Iad.Deploy.Tests.Support;

namespace Iad.Deploy.Tests.Grafana;

public sealed class DashboardTests
{
    [Fact]
    public void Dashboards_use_the_provisioned_datasource_and_every_panel_has_a_query()
    {
        var datasource = YamlFiles.Load("deploy/grafana/provisioning/datasources/prometheus.yml").Single()
            .SeqAt("datasources").Maps().Single();
        Assert.Equal("http://prometheus:9090", datasource.ScalarAt("url"));
        var uid = datasource.ScalarAt("uid");

        var files = DashboardQueries.Files();
        Assert.NotEmpty(files);
        var dashboardUids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var document = DashboardQueries.Open(file);
            var root = document.RootElement;
            Assert.True(dashboardUids.Add(root.GetProperty("uid").GetString()!), $"{file}: duplicate dashboard uid");
            var ids = new HashSet<int>();
            foreach (var panel in root.GetProperty("panels").EnumerateArray())
            {
                var title = panel.GetProperty("title").GetString();
                Assert.True(ids.Add(panel.GetProperty("id").GetInt32()), $"{file}: duplicate panel id at '{title}'");
                var grid = panel.GetProperty("gridPos");
                Assert.InRange(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32(), 1, 24);
            }
            foreach (var panel in DashboardQueries.Panels(root))
            {
                var title = panel.GetProperty("title").GetString();
                Assert.Equal(uid, panel.GetProperty("datasource").GetProperty("uid").GetString());
                var targets = panel.GetProperty("targets").EnumerateArray().ToArray();
                Assert.True(targets.Length > 0, $"{file}: panel '{title}' has no query");
                Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()), $"{file}: '{title}' has an empty query"));
                Assert.All(targets, t => Assert.Equal(uid, t.GetProperty("datasource").GetProperty("uid").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("description").GetString()), $"{file}: '{title}' has no description");
            }
        }
    }

    [Fact]
    public void Dashboards_cover_latency_percentiles_throughput_queue_batches_memory_training_streaming_and_accuracy()
    {
        var queries = DashboardQueries.All();
        bool Queried(string metric) => queries.Any(q => DashboardQueries.MetricNames(q.Expression).Contains(metric));

        var latency = queries.Where(q => q.Expression.Contains("iad_detection_request_duration_seconds_bucket", StringComparison.Ordinal)).ToArray();
        foreach (var quantile in new[] { "0.5", "0.95", "0.99" })
            Assert.Contains(latency, q => q.Expression.StartsWith($"histogram_quantile({quantile}, sum by (le, model, provider)", StringComparison.Ordinal));
        foreach (var metric in new[]
                 {
                     "iad_detection_images_total", "iad_detection_pending_requests", "iad_detection_batch_size",
                     "iad_detection_inferences_total", "iad_detection_executions_total", "iad_detection_process_resident_memory_bytes",
                     "iad_detection_gpu_memory_used_bytes", "process_working_set_bytes", "iad_training_phase_duration_seconds",
                     "iad_training_images_total", "iad_training_jobs", "iad_training_bank_bytes", "iad_dataset_images_streamed_total",
                 })
            Assert.True(Queried(metric), $"no dashboard panel queries {metric}");

        var accuracyVsLatency = queries.Where(q => q.Panel == "Accuracy vs latency").SelectMany(q => DashboardQueries.MetricNames(q.Expression));
        Assert.Equal(["iad_eval_latency_p50_seconds", "iad_eval_metric"], accuracyVsLatency.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_describes_every_panel()
    {
        var readme = Repository.ReadText("deploy/README.md");
        foreach (var file in DashboardQueries.Files())
        {
            using var document = DashboardQueries.Open(file);
            foreach (var panel in DashboardQueries.Panels(document.RootElement))
            {
                var title = panel.GetProperty("title").GetString()!;
                Assert.True(readme.Contains($"**{title}**", StringComparison.Ordinal), $"deploy/README.md does not describe panel '{title}' (as **{title}**)");
            }
        }
    }

    [Fact]
    public void Metric_names_are_extracted_from_promql_without_histogram_suffixes_or_label_values()
    {
        const string expression = "histogram_quantile(0.99, sum by (le) (rate(iad_detection_request_duration_seconds_bucket{job=~\"iad-.*\"}[$__rate_interval])))"
            + " / sum(iad_detection_process_resident_memory_bytes) + process_cpu_seconds_total + dotnet_total_memory_bytes";
        Assert.Equal(
            ["dotnet_total_memory_bytes", "iad_detection_process_resident_memory_bytes", "iad_detection_request_duration_seconds", "process_cpu_seconds_total"],
            DashboardQueries.MetricNames(expression).Order(StringComparer.Ordinal));
        Assert.Equal("rate(x{model=~\".*\"}[10s])", DashboardQueries.Instantiate("rate(x{model=~\"$model\"}[$__rate_interval])"));
    }
}
