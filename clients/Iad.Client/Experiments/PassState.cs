using Grpc.Core;
using Iad.Client.Datasets;
using Iad.Contracts.V1;

namespace Iad.Client.Experiments;

/// <summary>Book-keeping of one evaluation pass: items awaiting their detection, latencies and kept samples.</summary>
internal sealed class PassState(EvaluationRequest request, int side)
{
    private readonly Dictionary<string, SplitItem> _pending = new();
    private readonly List<long> _latenciesUs = new();
    private readonly List<KeptSample> _samples = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<Label, int> _keptPerLabel = new();
    private ExecutionProvider _provider;
    private int _batchSum;

    public SemaphoreSlim Window { get; } = new(request.Window, request.Window);

    public int Side { get; } = side;

    public int Received { get; private set; }

    public int MaxInFlight { get; private set; }

    public IReadOnlyList<KeptSample> Samples => _samples;

    public void Hold(SplitItem item)
    {
        lock (_gate)
        {
            _pending[item.Item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = item;
            MaxInFlight = Math.Max(MaxInFlight, _pending.Count);
        }
    }

    public SplitItem Release(string requestId)
    {
        lock (_gate)
        {
            if (!_pending.Remove(requestId, out var item))
                throw new RpcException(new Status(StatusCode.DataLoss, $"detection answered unknown request id '{requestId}'"));
            return item;
        }
    }

    public void Record(DetectStreamResponse response, SplitItem item)
    {
        Received++;
        _provider = response.Provider;
        if (response.Timing is { } timing)
        {
            _latenciesUs.Add(timing.TotalUs);
            _batchSum += timing.BatchSize;
        }
        var kept = _keptPerLabel.GetValueOrDefault(item.Item.Label);
        if (kept >= request.KeepSamplesPerLabel) return;
        _keptPerLabel[item.Item.Label] = kept + 1;
        _samples.Add(Keep(response.Detection, item));
    }

    public Efficiency Efficiency(double wallSeconds, GetModelStatsResponse stats)
    {
        var sorted = _latenciesUs.Order().ToArray();
        var efficiency = new Efficiency
        {
            LatencyP50Ms = Percentile(sorted, 0.50) / 1000,
            LatencyP95Ms = Percentile(sorted, 0.95) / 1000,
            LatencyP99Ms = Percentile(sorted, 0.99) / 1000,
            ThroughputImagesPerSecond = wallSeconds > 0 ? Received / wallSeconds : 0,
            PeakHostBytes = stats.PeakHostBytes,
            Provider = _provider,
            BatchSize = sorted.Length > 0 ? (int)Math.Round((double)_batchSum / sorted.Length) : 0,
        };
        if (stats.HasPeakGpuBytes) efficiency.PeakGpuBytes = stats.PeakGpuBytes;
        return efficiency;
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private KeptSample Keep(Detection detection, SplitItem item)
    {
        var map = new float[Side * Side];
        var tensor = detection.AnomalyMap;
        if (tensor is { Dtype: DataType.Float32 } && tensor.Data.Length == map.Length * sizeof(float))
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.Data.Span).CopyTo(map);
        byte[]? mask = null;
        if (item.Item.Mask?.Packed is { } packed && packed.Width == Side && packed.Height == Side)
        {
            mask = new byte[Side * Side];
            BitPackedMasks.Unpack(packed, mask);
        }
        return new KeptSample(item.Item.Id, item.Item.Label, detection.Score, Side, item.Payload.ToArray(), map, mask);
    }
}
