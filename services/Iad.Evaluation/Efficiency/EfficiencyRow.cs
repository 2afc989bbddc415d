namespace Iad.Evaluation.Efficiency;

/// <summary>
/// Efficiency of one run of one method, joined to its accuracy rows by <paramref name="RunId"/>: per-image compute
/// latency at batch 1 after warm-up, throughput, peak memory during test, model size and fit time.
/// </summary>
/// <param name="RunId">The run this row belongs to.</param>
/// <param name="Method">Method name, e.g. <c>patchcore</c>.</param>
/// <param name="LatencyP50Seconds">Median per-image compute time.</param>
/// <param name="LatencyP95Seconds">95th percentile per-image compute time.</param>
/// <param name="LatencyP99Seconds">99th percentile per-image compute time.</param>
/// <param name="ThroughputImagesPerSecond">Images per second.</param>
/// <param name="PeakHostBytes">Peak host memory during test, bytes.</param>
/// <param name="PeakGpuBytes">Peak GPU memory during test, bytes; null when no GPU was used.</param>
/// <param name="ModelBytes">Size of the exported model (memory bank included), bytes.</param>
/// <param name="FitSeconds">Wall time of fitting, seconds.</param>
public sealed record EfficiencyRow(
    string RunId,
    string Method,
    double LatencyP50Seconds,
    double LatencyP95Seconds,
    double LatencyP99Seconds,
    double ThroughputImagesPerSecond,
    long PeakHostBytes,
    long? PeakGpuBytes,
    long ModelBytes,
    double FitSeconds)
{
    /// <summary>Builds a row from a latency summary and the measured sizes.</summary>
    public static EfficiencyRow From(string runId, string method, LatencySummary latency, long peakHostBytes, long? peakGpuBytes,
        long modelBytes, double fitSeconds) =>
        new(runId, method, latency.P50Seconds, latency.P95Seconds, latency.P99Seconds, latency.ThroughputPerSecond,
            peakHostBytes, peakGpuBytes, modelBytes, fitSeconds);
}
