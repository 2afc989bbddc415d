namespace Iad.Reports.Model;

/// <summary>
/// Efficiency of one method in one run (IM-IAD Fig. 2): per-image latency at batch 1 after warm-up, throughput, peak
/// memory during test, model size, memory-bank size and fit time. Any double may be NaN when it was not measured; it is
/// then shown as "–" and the method is left out of charts that need it.
/// </summary>
/// <param name="LatencyP50Ms">Median per-image latency, milliseconds.</param>
/// <param name="LatencyP95Ms">95th percentile latency, milliseconds.</param>
/// <param name="LatencyP99Ms">99th percentile latency, milliseconds.</param>
/// <param name="ThroughputImagesPerSecond">Images per second.</param>
/// <param name="PeakMemoryBytes">Peak memory during test, bytes (GPU memory when a GPU was used, else host memory).</param>
/// <param name="ModelBytes">Size of the exported model, memory bank included, bytes.</param>
/// <param name="BankRows">Rows of the memory bank; null for methods without one.</param>
/// <param name="FitSeconds">Wall time of fitting, seconds.</param>
public sealed record EfficiencySummary(
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    double ThroughputImagesPerSecond,
    long PeakMemoryBytes,
    long ModelBytes,
    long? BankRows,
    double FitSeconds);
