using System.Text.Json;
using System.Text.RegularExpressions;

namespace Iad.Deploy.Tests.Support;

/// <summary>One PromQL expression of a provisioned dashboard: a panel target or a template variable's query.</summary>
internal sealed record DashboardQuery(string Dashboard, string Panel, string Expression);

/// <summary>The Grafana dashboards of deploy/grafana/dashboards and the metric names their queries use.</summary>
internal static partial class DashboardQueries
{
    public const string Folder = "deploy/grafana/dashboards";

    /// <summary>Metric families the detection service exports only where NVML opens (GPU hosts).</summary>
    public static readonly string[] GpuOnlyMetrics = ["iad_detection_gpu_memory_used_bytes", "iad_detection_gpu_memory_total_bytes"];

    public static IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(Repository.PathOf(Folder), "*.json").Order(StringComparer.Ordinal)];

    public static JsonDocument Open(string path) => JsonDocument.Parse(File.ReadAllText(path));

    /// <summary>Panels of a dashboard, those nested in rows included; rows themselves are left out.</summary>
    public static IEnumerable<JsonElement> Panels(JsonElement dashboard)
    {
        foreach (var panel in dashboard.GetProperty("panels").EnumerateArray())
        {
            if (panel.GetProperty("type").GetString() == "row")
            {
                if (panel.TryGetProperty("panels", out var nested))
                {
                    foreach (var inner in nested.EnumerateArray()) yield return inner;
                }
                continue;
            }
            yield return panel;
        }
    }

    /// <summary>Every panel target expression and every query variable of every dashboard.</summary>
    public static IReadOnlyList<DashboardQuery> All()
    {
        var queries = new List<DashboardQuery>();
        foreach (var file in Files())
        {
            using var document = Open(file);
            var root = document.RootElement;
            var title = root.GetProperty("title").GetString()!;
            foreach (var panel in Panels(root))
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                    queries.Add(new DashboardQuery(title, panel.GetProperty("title").GetString()!, target.GetProperty("expr").GetString()!));
            }
            foreach (var variable in root.GetProperty("templating").GetProperty("list").EnumerateArray())
            {
                if (variable.GetProperty("type").GetString() != "query") continue;
                queries.Add(new DashboardQuery(title, "$" + variable.GetProperty("name").GetString(),
                    variable.GetProperty("query").GetProperty("query").GetString()!));
            }
        }
        return queries;
    }

    /// <summary>
    /// Metric family names in a PromQL expression: tokens <c>iad_…</c>, <c>process_…</c>, <c>dotnet_…</c> not preceded by an
    /// identifier character, with a histogram's <c>_bucket</c>, <c>_sum</c> or <c>_count</c> suffix removed.
    /// </summary>
    public static IEnumerable<string> MetricNames(string expression) =>
        MetricToken().Matches(expression).Select(m => HistogramSuffix().Replace(m.Value, ""));

    /// <summary>
    /// The expression with Grafana's variables replaced so Prometheus can evaluate it: intervals by fixed windows,
    /// <c>$model</c>-style selections by <c>.*</c>.
    /// </summary>
    public static string Instantiate(string expression) => GrafanaVariable().Replace(expression
        .Replace("$__rate_interval", "10s", StringComparison.Ordinal)
        .Replace("$__interval", "5s", StringComparison.Ordinal)
        .Replace("$__range", "1m", StringComparison.Ordinal), ".*");

    [GeneratedRegex("(?<![A-Za-z0-9_:])(?:iad|process|dotnet)_[a-z0-9_]+")]
    private static partial Regex MetricToken();

    [GeneratedRegex("_(?:bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();

    [GeneratedRegex(@"\$[A-Za-z_]\w*")]
    private static partial Regex GrafanaVariable();
}
