using Grpc.Core;
using Prometheus;

namespace Iad.Detection.Service.Telemetry;

/// <summary>
/// The Prometheus series of one loaded model (labels bound once, so the hot path does no label lookups) together with
/// its <see cref="ModelStatistics"/> for GetModelStats.
/// </summary>
public sealed class ModelTelemetry
{
    /// <summary>Binds the series for <paramref name="model"/> (its name) on <paramref name="provider"/> (<c>cpu</c> or <c>cuda</c>).</summary>
    public ModelTelemetry(string model, string provider)
    {
        Model = model;
        Provider = provider;
        RequestDuration = DetectionMetrics.RequestDuration.WithLabels(model, provider);
        QueueDuration = DetectionMetrics.QueueDuration.WithLabels(model, provider);
        ComputeDuration = DetectionMetrics.ComputeDuration.WithLabels(model, provider);
        BatchSize = DetectionMetrics.BatchSize.WithLabels(model, provider);
        Images = DetectionMetrics.Images.WithLabels(model, provider);
        Inferences = DetectionMetrics.Inferences.WithLabels(model, provider);
        Executions = DetectionMetrics.Executions.WithLabels(model, provider);
        Pending = DetectionMetrics.PendingRequests.WithLabels(model, provider);
    }

    public string Model { get; }

    public string Provider { get; }

    public Histogram.Child RequestDuration { get; }

    public Histogram.Child QueueDuration { get; }

    public Histogram.Child ComputeDuration { get; }

    public Histogram.Child BatchSize { get; }

    public Counter.Child Images { get; }

    public Counter.Child Inferences { get; }

    public Counter.Child Executions { get; }

    public Gauge.Child Pending { get; }

    /// <summary>Figures since this model version was loaded.</summary>
    public ModelStatistics Statistics { get; } = new();

    /// <summary>Records one executed batch in the histograms, counters and statistics.</summary>
    public void RecordBatch(int batchSize, double computeSeconds)
    {
        ComputeDuration.Observe(computeSeconds);
        BatchSize.Observe(batchSize);
        Inferences.Inc(batchSize);
        Executions.Inc();
        Statistics.RecordBatch(batchSize, computeSeconds);
    }

    /// <summary>Records one finished request: its end-to-end latency, or its failure code.</summary>
    public void RecordRequest(double seconds, int images)
    {
        RequestDuration.Observe(seconds);
        Images.Inc(images);
        Statistics.Latency.Add(seconds);
    }

    /// <summary>Counts a failed request or stream element.</summary>
    public void RecordError(StatusCode code) => CountError(Model, Provider, code);

    /// <summary>Counts a failure that could not be attributed to a loaded model.</summary>
    public static void CountError(string model, string provider, StatusCode code) =>
        DetectionMetrics.Errors.WithLabels(model, provider, code.ToString()).Inc();
}
