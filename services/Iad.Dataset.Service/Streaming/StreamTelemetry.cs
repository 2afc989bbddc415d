using Iad.Contracts.V1;

namespace Iad.Dataset.Service.Streaming;

/// <summary>
/// Prometheus figures of split streaming: <c>iad_dataset_images_streamed_total{dataset,format}</c>,
/// <c>iad_dataset_bytes_streamed_total{dataset,format}</c> (image payload bytes, masks excluded) and
/// <c>iad_dataset_decode_duration_seconds</c> (read + decode + perturb + resize of one image of a decoded format).
/// </summary>
internal static class StreamTelemetry
{
    private static readonly Prometheus.Counter Images = Prometheus.Metrics.CreateCounter(
        "iad_dataset_images_streamed_total", "Images sent by StreamSplit.",
        new Prometheus.CounterConfiguration { LabelNames = ["dataset", "format"] });

    private static readonly Prometheus.Counter Bytes = Prometheus.Metrics.CreateCounter(
        "iad_dataset_bytes_streamed_total", "Image payload bytes sent by StreamSplit (masks excluded).",
        new Prometheus.CounterConfiguration { LabelNames = ["dataset", "format"] });

    private static readonly Prometheus.Histogram Decode = Prometheus.Metrics.CreateHistogram(
        "iad_dataset_decode_duration_seconds", "Time to read, decode, perturb and resize one streamed image.",
        new Prometheus.HistogramConfiguration { Buckets = Prometheus.Histogram.ExponentialBuckets(0.0001, 2, 18) });

    public static void Sent(string dataset, ItemFormat format, int payloadBytes)
    {
        var label = FormatLabel(format);
        Images.WithLabels(dataset, label).Inc();
        Bytes.WithLabels(dataset, label).Inc(payloadBytes);
    }

    public static void Decoded(TimeSpan elapsed) => Decode.Observe(elapsed.TotalSeconds);

    private static string FormatLabel(ItemFormat format) => format switch
    {
        ItemFormat.Float32 => "float32",
        ItemFormat.Uint8 => "uint8",
        _ => "encoded",
    };
}
