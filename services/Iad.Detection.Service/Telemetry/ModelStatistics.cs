using System.Diagnostics;

namespace Iad.Detection.Service.Telemetry;

/// <summary>
/// Per-loaded-model figures for GetModelStats: images, batches, end-to-end request latency and per-image compute
/// time (batch execution time / batch size) over the most recent <see cref="LatencyWindow.DefaultCapacity"/>
/// samples each, and peak process (and GPU) memory seen by the <see cref="ResourceMonitor"/> since load.
/// </summary>
public sealed class ModelStatistics
{
    private readonly long _loadedAt = Stopwatch.GetTimestamp();
    private long _images;
    private long _batches;
    private long _peakHostBytes;
    private long _peakGpuBytes = -1;

    /// <summary>End-to-end request latency samples, seconds.</summary>
    public LatencyWindow Latency { get; } = new();

    /// <summary>Per-image compute time samples, seconds.</summary>
    public LatencyWindow Compute { get; } = new();

    /// <summary>Images computed since load.</summary>
    public long Images => Interlocked.Read(ref _images);

    /// <summary>Batch executions since load.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Time since the model became ready.</summary>
    public TimeSpan SinceLoad => Stopwatch.GetElapsedTime(_loadedAt);

    /// <summary>Mean images per execution; 0 before the first batch.</summary>
    public double MeanBatchSize => Batches == 0 ? 0 : (double)Images / Batches;

    /// <summary>Peak resident memory of the process since load, bytes.</summary>
    public long PeakHostBytes => Interlocked.Read(ref _peakHostBytes);

    /// <summary>Peak GPU memory in use since load, bytes; null without NVML.</summary>
    public long? PeakGpuBytes => Interlocked.Read(ref _peakGpuBytes) is var value && value >= 0 ? value : null;

    /// <summary>Records one executed batch of <paramref name="batchSize"/> images that took <paramref name="seconds"/>.</summary>
    public void RecordBatch(int batchSize, double seconds)
    {
        Interlocked.Add(ref _images, batchSize);
        Interlocked.Increment(ref _batches);
        var perImage = seconds / batchSize;
        for (var i = 0; i < batchSize; i++) Compute.Add(perImage);
    }

    /// <summary>Folds a memory sample into the peaks.</summary>
    public void RecordMemory(long residentBytes, long? gpuBytes)
    {
        InterlockedMax(ref _peakHostBytes, residentBytes);
        if (gpuBytes is { } gpu) InterlockedMax(ref _peakGpuBytes, gpu);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
