using Iad.Contracts.V1;
using Prometheus;

namespace Iad.Metrics.Service.Store;

/// <summary>The latest stored metric values as Prometheus gauges, for Grafana's accuracy panels.</summary>
public static class EvaluationGauges
{
    private static readonly Gauge Metric = Prometheus.Metrics.CreateGauge(
        "iad_eval_metric", "Latest stored evaluation metric of a run (value in [0, 1] for accuracy metrics).",
        new GaugeConfiguration { LabelNames = ["run", "method", "dataset", "setting", "metric"] });

    private static readonly Gauge LatencyP50 = Prometheus.Metrics.CreateGauge(
        "iad_eval_latency_p50_seconds", "Per-image compute latency (median) recorded with a run's latest result.",
        new GaugeConfiguration { LabelNames = ["run", "method", "dataset", "setting"] });

    private static readonly Gauge PeakHostBytes = Prometheus.Metrics.CreateGauge(
        "iad_eval_peak_host_bytes", "Peak host memory during test recorded with a run's latest result.",
        new GaugeConfiguration { LabelNames = ["run", "method", "dataset", "setting"] });

    public static void Publish(Run run, ResultRow row)
    {
        foreach (var metric in row.Metrics)
        {
            if (metric.HasValue) Metric.WithLabels(run.RunId, run.Method, run.Dataset, run.Setting, metric.Name).Set(metric.Value);
        }
        if (row.Efficiency is { } efficiency)
        {
            LatencyP50.WithLabels(run.RunId, run.Method, run.Dataset, run.Setting).Set(efficiency.LatencyP50Ms / 1000.0);
            PeakHostBytes.WithLabels(run.RunId, run.Method, run.Dataset, run.Setting).Set(efficiency.PeakHostBytes);
        }
    }
}
