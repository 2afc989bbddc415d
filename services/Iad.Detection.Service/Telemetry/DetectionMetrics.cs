using Prometheus;

namespace Iad.Detection.Service.Telemetry;

/// <summary>
/// Prometheus series of the detection service. Units are in the names; per-model series carry the labels
/// <c>model</c> (the model's name, not its version, so a hot swap continues the same series) and <c>provider</c>
/// (<c>cpu</c> or <c>cuda</c>). Inferences count images, executions count session runs: their ratio is the mean batch size.
/// </summary>
public static class DetectionMetrics
{
    private static readonly string[] ModelLabels = ["model", "provider"];

    // 50 µs … ~26 s: covers a tiny model on CPU up to a large batch on a busy host.
    private static readonly double[] DurationBuckets = Histogram.ExponentialBuckets(0.00005, 2, 20);

    /// <summary>End-to-end server-side latency of one request (unary call or stream element), seconds.</summary>
    public static readonly Histogram RequestDuration = Metrics.CreateHistogram(
        "iad_detection_request_duration_seconds", "End-to-end server-side latency of a detection request.",
        new HistogramConfiguration { LabelNames = ModelLabels, Buckets = DurationBuckets });

    /// <summary>Time an image waited in the batcher's queue, seconds.</summary>
    public static readonly Histogram QueueDuration = Metrics.CreateHistogram(
        "iad_detection_queue_duration_seconds", "Time an image waited in the dynamic batcher's queue.",
        new HistogramConfiguration { LabelNames = ModelLabels, Buckets = DurationBuckets });

    /// <summary>Duration of one session execution (a whole batch), seconds.</summary>
    public static readonly Histogram ComputeDuration = Metrics.CreateHistogram(
        "iad_detection_compute_duration_seconds", "Duration of one batch execution in the inference session.",
        new HistogramConfiguration { LabelNames = ModelLabels, Buckets = DurationBuckets });

    /// <summary>Images per session execution.</summary>
    public static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "iad_detection_batch_size", "Images per batch execution.",
        new HistogramConfiguration { LabelNames = ModelLabels, Buckets = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    /// <summary>Images scored successfully.</summary>
    public static readonly Counter Images = Metrics.CreateCounter(
        "iad_detection_images_total", "Images scored successfully.", new CounterConfiguration { LabelNames = ModelLabels });

    /// <summary>Failed requests or stream elements by gRPC status code name; model is <c>unknown</c> when none was resolved.</summary>
    public static readonly Counter Errors = Metrics.CreateCounter(
        "iad_detection_errors_total", "Failed detection requests by gRPC status code.",
        new CounterConfiguration { LabelNames = ["model", "provider", "code"] });

    /// <summary>Inferences (images) computed; divide by executions for the mean batch size.</summary>
    public static readonly Counter Inferences = Metrics.CreateCounter(
        "iad_detection_inferences_total", "Images computed by the backend.", new CounterConfiguration { LabelNames = ModelLabels });

    /// <summary>Session executions (batches) run.</summary>
    public static readonly Counter Executions = Metrics.CreateCounter(
        "iad_detection_executions_total", "Batch executions run by the backend.", new CounterConfiguration { LabelNames = ModelLabels });

    /// <summary>Images admitted to a model's queue and not yet taken into a batch.</summary>
    public static readonly Gauge PendingRequests = Metrics.CreateGauge(
        "iad_detection_pending_requests", "Images queued in the dynamic batcher.", new GaugeConfiguration { LabelNames = ModelLabels });

    /// <summary>Bytes of the memory bank or statistics inside each loaded model (0 when the model does not say).</summary>
    public static readonly Gauge ModelBankBytes = Metrics.CreateGauge(
        "iad_detection_model_bank_bytes", "Memory-bank bytes of a loaded model.", new GaugeConfiguration { LabelNames = ModelLabels });

    /// <summary>ONNX file size of each loaded model.</summary>
    public static readonly Gauge ModelFileBytes = Metrics.CreateGauge(
        "iad_detection_model_bytes", "ONNX file size of a loaded model.", new GaugeConfiguration { LabelNames = ModelLabels });

    /// <summary>Resident set size of the process, sampled periodically.</summary>
    public static readonly Gauge ResidentMemory = Metrics.CreateGauge(
        "iad_detection_process_resident_memory_bytes", "Resident memory of the detection process.");

    /// <summary>Removes the gauges of a model that is no longer loaded (histograms and counters keep their history).</summary>
    public static void RemoveModelGauges(string model, string provider)
    {
        PendingRequests.RemoveLabelled(model, provider);
        ModelBankBytes.RemoveLabelled(model, provider);
        ModelFileBytes.RemoveLabelled(model, provider);
    }
}
