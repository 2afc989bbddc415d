namespace Iad.Evaluation.Efficiency;

/// <summary>
/// Latency percentiles and throughput of a list of per-item durations (seconds). Percentiles use linear interpolation
/// between order statistics (NumPy's default): p_q = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)) with h = q·(n − 1) on the
/// sorted durations. Throughput = n / Σ durations (items per second, sequential processing).
/// </summary>
/// <param name="Count">Number of durations.</param>
/// <param name="MeanSeconds">Mean duration.</param>
/// <param name="P50Seconds">Median.</param>
/// <param name="P95Seconds">95th percentile.</param>
/// <param name="P99Seconds">99th percentile.</param>
/// <param name="ThroughputPerSecond">Items per second.</param>
public sealed record LatencySummary(int Count, double MeanSeconds, double P50Seconds, double P95Seconds, double P99Seconds, double ThroughputPerSecond)
{
    /// <summary>Summarises <paramref name="seconds"/>; empty, negative or NaN durations throw <see cref="ArgumentException"/>.</summary>
    public static LatencySummary FromDurations(ReadOnlySpan<double> seconds)
    {
        if (seconds.IsEmpty) throw new ArgumentException("at least one duration is required.", nameof(seconds));
        var sorted = seconds.ToArray();
        for (var i = 0; i < sorted.Length; i++)
            if (!(sorted[i] >= 0)) throw new ArgumentException($"duration at index {i} is {sorted[i]}; durations must be non-negative numbers.", nameof(seconds));
        Array.Sort(sorted);
        var total = 0.0;
        foreach (var s in sorted) total += s;
        var throughput = total > 0 ? sorted.Length / total : double.PositiveInfinity;
        return new LatencySummary(sorted.Length, total / sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95),
            Percentile(sorted, 0.99), throughput);
    }

    /// <summary>The q-quantile (q in [0, 1]) of ascending <paramref name="sorted"/> values, linear interpolation.</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty) throw new ArgumentException("at least one value is required.", nameof(sorted));
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "the quantile must lie in [0, 1].");
        var h = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
