using System.Globalization;
using Prometheus;

namespace Iad.Detection.Service.Telemetry;

/// <summary>
/// Samples process resident memory (and GPU memory through NVML when present) every <see cref="Interval"/>,
/// publishes the gauges, and keeps the running peaks that per-model statistics read. GPU gauges
/// (<c>iad_detection_gpu_memory_used_bytes</c>, <c>iad_detection_gpu_memory_total_bytes</c>, label <c>gpu</c>) are
/// created only when NVML opened, so hosts without a GPU simply do not export them.
/// </summary>
public sealed class ResourceMonitor : IDisposable
{
    private readonly NvmlMemoryReader? _nvml;
    private readonly Gauge? _gpuUsed;
    private readonly Gauge? _gpuTotal;
    private readonly Timer _timer;
    private long _residentBytes;
    private long _gpuUsedBytes;

    /// <summary>Starts sampling at <paramref name="interval"/>.</summary>
    public ResourceMonitor(TimeSpan interval)
    {
        Interval = interval;
        _nvml = NvmlMemoryReader.TryOpen();
        if (_nvml is not null)
        {
            _gpuUsed = Metrics.CreateGauge("iad_detection_gpu_memory_used_bytes", "GPU memory in use (all processes).",
                new GaugeConfiguration { LabelNames = ["gpu"] });
            _gpuTotal = Metrics.CreateGauge("iad_detection_gpu_memory_total_bytes", "GPU memory installed.",
                new GaugeConfiguration { LabelNames = ["gpu"] });
        }
        Sample();
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    /// <summary>Sampling period.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Whether GPU memory is being read.</summary>
    public bool HasGpu => _nvml is not null;

    /// <summary>Resident memory at the last sample, bytes.</summary>
    public long ResidentBytes => Interlocked.Read(ref _residentBytes);

    /// <summary>GPU memory used at the last sample summed over devices, bytes; null without NVML.</summary>
    public long? GpuUsedBytes => _nvml is null ? null : Interlocked.Read(ref _gpuUsedBytes);

    /// <summary>Raised after each sample, so trackers can fold it into their peaks.</summary>
    public event Action<long, long?>? Sampled;

    /// <summary>Takes a sample now (also called by the timer).</summary>
    public void Sample()
    {
        var resident = Environment.WorkingSet;
        Interlocked.Exchange(ref _residentBytes, resident);
        DetectionMetrics.ResidentMemory.Set(resident);
        long? gpu = null;
        if (_nvml is not null)
        {
            long sum = 0;
            for (var i = 0; i < _nvml.DeviceCount; i++)
            {
                if (!_nvml.TryRead(i, out var used, out var total)) continue;
                var label = i.ToString(CultureInfo.InvariantCulture);
                _gpuUsed!.WithLabels(label).Set(used);
                _gpuTotal!.WithLabels(label).Set(total);
                sum += used;
            }
            Interlocked.Exchange(ref _gpuUsedBytes, sum);
            gpu = sum;
        }
        Sampled?.Invoke(resident, gpu);
    }

    public void Dispose() => _timer.Dispose();
}
