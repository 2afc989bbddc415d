using Iad.Evaluation.Curves;
using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Pixel;

/// <summary>
/// Exact pixel AUROC, AP, F1-max and AUPRO / AUsPRO over all pixels of all maps, by one global radix sort of every
/// pixel score instead of a loop over thresholds. Every distinct score is a threshold (anomalous when score ≥ t):
/// FPR(t) = |{normal pixels ≥ t}| / |normal pixels|; TPR and precision over anomalous pixels; and
/// PRO(t) = (1/R) Σ_i min(1, |{p ∈ region i : s_p ≥ t}| / s_i) over all R regions of all maps, where s_i is the
/// region's saturation area (its own area for PRO, so the min never binds). AUPRO = ∫₀^L PRO d FPR / L by the
/// trapezoid rule over one point per distinct score plus the origin, linearly interpolated at L — the definition in
/// <c>testvectors/generate.py</c>. Runs of normal-only scores are merged into one step, which leaves every area
/// unchanged (those points are collinear).
/// </summary>
/// <remarks>
/// Agrees with the reference values of the shared test vectors to 1e-6 (checked in tests; the difference is
/// summation order only). Memory: 4 bytes per normal pixel and 8 per anomalous pixel, doubled while sorting; buffers are kept across
/// <see cref="Reset"/>. At most <see cref="MaxPixels"/> pixels. Cost O(n) for n pixels (three radix passes).
/// Undefined results throw <see cref="UndefinedMetricException"/> (see <see cref="IPixelMetricAccumulator"/>).
/// </remarks>
public sealed class ExactPixelMetrics : IPixelMetricAccumulator
{
    /// <summary>Largest number of pixels (array length limit of one buffer).</summary>
    public const long MaxPixels = 2_000_000_000;

    private const uint DuplicateFlag = 0x8000_0000u;
    private const uint RegionMask = 0x7FFF_FFFFu;

    private readonly RegionLabeler _labeler = new();
    private uint[] _normal;
    private ulong[] _anomalous = new ulong[1024];
    private double[] _saturation = new double[64];
    private uint[] _normalScratch = [];
    private ulong[] _anomalousScratch = [];
    private byte[] _covered = [];
    private int _normalCount;
    private int _anomalousCount;
    private long _anomalousPixels;
    private int _regions;

    /// <param name="fprLimit">FPR limit L of the PRO area, in (0, 1]; 0.3 for AUPRO, 0.05 for LOCO AUsPRO.</param>
    /// <param name="pixelCapacity">Expected pixel count, to size the buffers once instead of growing them.</param>
    public ExactPixelMetrics(double fprLimit = 0.3, int pixelCapacity = 0)
    {
        ScoreValidation.CheckFprLimit(fprLimit);
        FprLimit = fprLimit;
        _normal = GC.AllocateUninitializedArray<uint>(Math.Max(pixelCapacity, 1024));
    }

    /// <inheritdoc />
    public PixelMetricMode Mode => PixelMetricMode.Exact;

    /// <inheritdoc />
    public double FprLimit { get; }

    /// <inheritdoc />
    public long PixelCount => _normalCount + _anomalousPixels;

    /// <inheritdoc />
    public void Update(ReadOnlySpan<float> map, ReadOnlySpan<byte> mask, int width)
    {
        PixelInput.Check(map.Length, mask.Length, width);
        EnsureNormalCapacity(map.Length);
        if (mask.IndexOfAnyExcept((byte)0) < 0)
        {
            AddNormals(map, width);
            return;
        }
        var regions = _labeler.Label(mask, width);
        var labels = _labeler.Labels;
        var areas = _labeler.Areas;
        var regionBase = _regions;
        for (var r = 1; r <= regions; r++) AddRegion(areas[r]);
        var normal = _normal;
        var start = _normalCount;
        var n = start;
        for (var p = 0; p < map.Length; p++)
        {
            var score = map[p];
            if (float.IsNaN(score)) throw PixelInput.NaN(p, width);
            var label = labels[p];
            if (label == 0) normal[n++] = ScoreKeys.FromScore(score);
            else AddAnomalous(score, (uint)(regionBase + label - 1));
        }
        _normalCount = n;
        _anomalousPixels += map.Length - (n - start);
    }

    /// <inheritdoc />
    public void Update(ReadOnlySpan<float> map, int width, IReadOnlyList<byte[]> regionMasks, DefectsConfig defects)
    {
        PixelInput.Height(map.Length, width, nameof(map));
        EnsureNormalCapacity(map.Length);
        if (_covered.Length < map.Length) _covered = new byte[map.Length];
        var covered = _covered.AsSpan(0, map.Length);
        covered.Clear();
        for (var m = 0; m < regionMasks.Count; m++)
        {
            var mask = regionMasks[m];
            if (!LocoRegion.TryDescribe(mask, map.Length, m, defects, out _, out var saturation)) continue;
            var region = (uint)_regions;
            AddRegion(saturation);
            for (var p = 0; p < mask.Length; p++)
            {
                if (mask[p] == 0) continue;
                var score = map[p];
                if (float.IsNaN(score)) throw PixelInput.NaN(p, width);
                // A pixel inside several regions counts once as an anomalous pixel and once per region for sPRO.
                AddAnomalous(score, covered[p] != 0 ? region | DuplicateFlag : region);
                if (covered[p] == 0) _anomalousPixels++;
                covered[p] = 1;
            }
        }
        var normal = _normal;
        var n = _normalCount;
        for (var p = 0; p < map.Length; p++)
        {
            if (covered[p] != 0) continue;
            var score = map[p];
            if (float.IsNaN(score)) throw PixelInput.NaN(p, width);
            normal[n++] = ScoreKeys.FromScore(score);
        }
        _normalCount = n;
    }

    /// <inheritdoc />
    public PixelMetricsResult Compute()
    {
        var sweep = Sweep(null);
        return new PixelMetricsResult(sweep.Auroc, sweep.AveragePrecision, sweep.F1Max, sweep.F1Threshold, sweep.Aupro,
            FprLimit, _normalCount, _anomalousPixels, _regions, PixelMetricMode.Exact, PixelErrorBounds.None);
    }

    /// <summary>
    /// The PRO curve up to the FPR limit: one point per distinct score, except that a run of scores held only by
    /// normal pixels (a horizontal, collinear stretch) appears as its last point. A point is kept when its FPR exceeds
    /// the last kept one by at least <paramref name="minFprStep"/> (0 keeps every point), so plots of millions of
    /// pixels stay small. Throws like <see cref="Compute"/>.
    /// </summary>
    public ProCurve ComputeProCurve(double minFprStep = 0)
    {
        var curve = new ProCurveBuilder(FprLimit, minFprStep);
        Sweep(curve);
        return curve.Build();
    }

    /// <inheritdoc />
    public void Reset()
    {
        _normalCount = 0;
        _anomalousCount = 0;
        _anomalousPixels = 0;
        _regions = 0;
    }

    private ThresholdSweep Sweep(ProCurveBuilder? curve)
    {
        ScoreValidation.RequireBothClasses("pixel metrics", _anomalousPixels, _normalCount);
        if (_normalScratch.Length < _normalCount) _normalScratch = GC.AllocateUninitializedArray<uint>(_normal.Length);
        if (_anomalousScratch.Length < _anomalousCount) _anomalousScratch = GC.AllocateUninitializedArray<ulong>(_anomalous.Length);
        var normal = RadixSort.Sort(_normal.AsSpan(0, _normalCount), _normalScratch.AsSpan(0, _normalCount));
        var anomalous = RadixSort.SortByUpperHalf(_anomalous.AsSpan(0, _anomalousCount), _anomalousScratch.AsSpan(0, _anomalousCount));
        var regionHits = new int[_regions];
        var saturation = _saturation;
        double negatives = _normalCount, regions = _regions;
        var sweep = new ThresholdSweep(_anomalousPixels, negatives, FprLimit);
        double tp = 0, fp = 0, overlap = 0;
        var i = normal.Length - 1;
        var j = anomalous.Length - 1;
        while (j >= 0)
        {
            var key = (uint)(anomalous[j] >> 32);
            var runStart = i;
            while (i >= 0 && normal[i] > key) i--;
            if (i != runStart)
            {
                fp += runStart - i;
                sweep.Add(tp, fp, overlap / regions, ScoreKeys.ToScore(normal[i + 1]));
                curve?.Add(fp / negatives, overlap / regions);
            }
            while (i >= 0 && normal[i] == key)
            {
                fp++;
                i--;
            }
            while (j >= 0 && (uint)(anomalous[j] >> 32) == key)
            {
                var payload = (uint)anomalous[j];
                var region = (int)(payload & RegionMask);
                if ((payload & DuplicateFlag) == 0) tp++;
                var hits = ++regionHits[region];
                var s = saturation[region];
                overlap += Math.Min(1.0, hits / s) - Math.Min(1.0, (hits - 1) / s);
                j--;
            }
            sweep.Add(tp, fp, overlap / regions, ScoreKeys.ToScore(key));
            curve?.Add(fp / negatives, overlap / regions);
        }
        if (i >= 0)
        {
            fp += i + 1;
            sweep.Add(tp, fp, overlap / regions, ScoreKeys.ToScore(normal[0]));
            curve?.Add(fp / negatives, overlap / regions);
        }
        return sweep;
    }

    private void EnsureNormalCapacity(int more)
    {
        var needed = (long)_normalCount + more;
        if (needed > MaxPixels)
            throw new InvalidOperationException($"exact pixel metrics hold at most {MaxPixels} pixels; adding {more} to {PixelCount} exceeds it. Use binned pixel metrics.");
        if (needed <= _normal.Length) return;
        var grown = GC.AllocateUninitializedArray<uint>((int)Math.Min(MaxPixels, Math.Max(needed, 2L * _normal.Length)));
        _normal.AsSpan(0, _normalCount).CopyTo(grown);
        _normal = grown;
    }

    private void AddNormals(ReadOnlySpan<float> map, int width)
    {
        var normal = _normal.AsSpan(_normalCount, map.Length);
        for (var p = 0; p < map.Length; p++)
        {
            var score = map[p];
            if (float.IsNaN(score)) throw PixelInput.NaN(p, width);
            normal[p] = ScoreKeys.FromScore(score);
        }
        _normalCount += map.Length;
    }

    private void AddRegion(double saturationArea)
    {
        if (_regions == _saturation.Length) Array.Resize(ref _saturation, _regions * 2);
        _saturation[_regions++] = saturationArea;
    }

    private void AddAnomalous(float score, uint payload)
    {
        if (_anomalousCount == _anomalous.Length)
        {
            if (_anomalousCount >= MaxPixels)
                throw new InvalidOperationException($"exact pixel metrics hold at most {MaxPixels} region pixels. Use binned pixel metrics.");
            Array.Resize(ref _anomalous, (int)Math.Min(MaxPixels, 2L * _anomalous.Length));
        }
        _anomalous[_anomalousCount++] = ((ulong)ScoreKeys.FromScore(score) << 32) | payload;
    }
}
