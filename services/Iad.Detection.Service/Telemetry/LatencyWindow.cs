namespace Iad.Detection.Service.Telemetry;

/// <summary>
/// The most recent <see cref="Capacity"/> duration samples in a fixed ring buffer (bounded memory however long a
/// model serves), with nearest-rank percentiles. Thread-safe.
/// </summary>
public sealed class LatencyWindow(int capacity = LatencyWindow.DefaultCapacity)
{
    /// <summary>Samples kept by default.</summary>
    public const int DefaultCapacity = 8192;

    private readonly double[] _samples = new double[capacity];
    private readonly Lock _gate = new();
    private long _count;

    /// <summary>Samples the window can hold.</summary>
    public int Capacity => _samples.Length;

    /// <summary>Adds one sample (seconds), overwriting the oldest when full.</summary>
    public void Add(double seconds)
    {
        lock (_gate)
        {
            _samples[_count % _samples.Length] = seconds;
            _count++;
        }
    }

    /// <summary>
    /// Nearest-rank percentiles of the kept samples: for p in [0, 100], the value at sorted index
    /// ⌈p/100 · n⌉ − 1 (clamped to [0, n − 1]); 0 for each when there are no samples.
    /// </summary>
    public double[] Percentiles(params ReadOnlySpan<double> percents)
    {
        double[] sorted;
        lock (_gate)
        {
            var n = (int)Math.Min(_count, _samples.Length);
            sorted = _samples.AsSpan(0, n).ToArray();
        }
        Array.Sort(sorted);
        var result = new double[percents.Length];
        if (sorted.Length == 0) return result;
        for (var i = 0; i < percents.Length; i++)
        {
            var rank = (int)Math.Ceiling(percents[i] / 100.0 * sorted.Length) - 1;
            result[i] = sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
        return result;
    }
}
