using Iad.Evaluation.Image;
using Iad.Evaluation.Pixel;
using Iad.Evaluation.Sample;

namespace Iad.Evaluation.Reports;

/// <summary>
/// Collects per-image predictions (label, score, optional anomaly map and mask, optional multi-view sample id) one at a
/// time and computes every metric that the data allows: image AUROC, AP, F1-max, PG2, PB2; pixel AUROC, AP, F1-max,
/// AUPRO; sample S-AUROC. Maps go straight into the pixel accumulator, so memory is the accumulator's (exact: 8 bytes
/// per pixel; binned: fixed). A metric the data cannot define is reported with its reason.
/// </summary>
public sealed class EvaluationSession(EvaluationSettings settings)
{
    private readonly List<int> _labels = [];
    private readonly List<double> _scores = [];
    private readonly List<string> _sampleIds = [];
    private IPixelMetricAccumulator? _pixels;
    private int _maps;
    private bool _multiView;

    public EvaluationSettings Settings { get; } = settings;

    /// <summary>Images added so far.</summary>
    public int Count => _labels.Count;

    /// <summary>
    /// Adds one image. <paramref name="label"/> is 0 (normal) or 1 (anomalous); <paramref name="score"/> must be finite.
    /// <paramref name="map"/> and <paramref name="mask"/> (nonzero = anomalous pixel) are row-major with
    /// <paramref name="width"/> columns; pass empty spans when the image has no map. A map without a mask is refused.
    /// </summary>
    public void Add(string id, string? sampleId, int label, double score, ReadOnlySpan<float> map, ReadOnlySpan<byte> mask, int width)
    {
        if (label is not (0 or 1)) throw new ArgumentException($"image '{id}': label must be 0 or 1, got {label}");
        if (!double.IsFinite(score)) throw new ArgumentException($"image '{id}': score {score} is not finite");
        if (!map.IsEmpty)
        {
            if (width <= 0 || map.Length % width != 0) throw new ArgumentException($"image '{id}': map of {map.Length} values is not a whole number of rows of width {width}");
            if (mask.Length != map.Length) throw new ArgumentException($"image '{id}': mask has {mask.Length} pixels, map has {map.Length}");
            var pixels = PixelAccumulator(map.Length);
            if (pixels.Mode == PixelMetricMode.Exact && (pixels.PixelCount + map.Length) * PixelMetricsPolicy.ExactBytesPerPixel > Settings.MemoryBudgetBytes)
                throw new EvaluationBudgetExceededException(pixels.PixelCount + map.Length, Settings.MemoryBudgetBytes);
            pixels.Update(map, mask, width);
            _maps++;
        }
        _labels.Add(label);
        _scores.Add(score);
        _sampleIds.Add(string.IsNullOrEmpty(sampleId) ? id : sampleId);
        _multiView |= !string.IsNullOrEmpty(sampleId) && sampleId != id;
    }

    public EvaluationReport Compute()
    {
        var labels = _labels.ToArray();
        var scores = _scores.ToArray();
        var metrics = new List<MetricResult>
        {
            Try("image_auroc", () => Auroc.Compute(labels, scores)),
            Try("image_ap", () => AveragePrecision.Compute(labels, scores)),
            TryF1("image_f1_max", () => F1Max.Compute(labels, scores)),
            Try("image_pg2", () => Pg2.Compute(labels, scores)),
            Try("image_pb2", () => Pb2.Compute(labels, scores)),
        };

        PixelMetricMode? mode = null;
        double bound = 0;
        if (_pixels is null)
        {
            foreach (var name in new[] { "pixel_auroc", "pixel_ap", "pixel_f1_max", "pixel_aupro" })
                metrics.Add(new MetricResult(name, null, "no anomaly maps"));
        }
        else
        {
            mode = _pixels.Mode;
            try
            {
                var pixel = _pixels.Compute();
                bound = Math.Max(pixel.Bounds.Auroc, Math.Max(pixel.Bounds.AveragePrecision, pixel.Bounds.Aupro));
                metrics.Add(new MetricResult("pixel_auroc", pixel.Auroc));
                metrics.Add(new MetricResult("pixel_ap", pixel.AveragePrecision));
                metrics.Add(new MetricResult("pixel_f1_max", pixel.F1Max, Threshold: pixel.F1Threshold));
                metrics.Add(new MetricResult("pixel_aupro", pixel.Aupro));
            }
            catch (UndefinedMetricException exception)
            {
                foreach (var name in new[] { "pixel_auroc", "pixel_ap", "pixel_f1_max", "pixel_aupro" })
                    metrics.Add(new MetricResult(name, null, exception.Reason));
            }
        }

        metrics.Add(_multiView
            ? Try("sample_auroc", () => SampleAuroc.Compute(_sampleIds, labels, scores, Settings.Aggregation))
            : new MetricResult("sample_auroc", null, "no multi-view samples"));

        var anomalous = labels.Count(l => l == 1);
        var counts = new Dictionary<string, long>
        {
            ["images"] = labels.Length,
            ["normal_images"] = labels.Length - anomalous,
            ["anomalous_images"] = anomalous,
            ["samples"] = _sampleIds.Distinct(StringComparer.Ordinal).Count(),
            ["maps"] = _maps,
            ["pixels"] = _pixels?.PixelCount ?? 0,
        };
        return new EvaluationReport(metrics, counts, mode, bound, Settings.IncludeCurves ? Curves(labels, scores) : []);
    }

    private IPixelMetricAccumulator PixelAccumulator(int mapPixels)
    {
        if (_pixels is not null) return _pixels;
        var expected = Settings.ExpectedImages > 0 ? Settings.ExpectedImages * mapPixels : mapPixels;
        if (Settings.ScoreMin is { } min && Settings.ScoreMax is { } max)
        {
            _pixels = new PixelMetricsPolicy(Settings.MemoryBudgetBytes, min, max, FprLimit: Settings.ProFprLimit).Create(expected);
        }
        else
        {
            var capacity = expected * PixelMetricsPolicy.ExactBytesPerPixel <= Settings.MemoryBudgetBytes ? (int)Math.Min(expected, int.MaxValue) : 0;
            _pixels = new ExactPixelMetrics(Settings.ProFprLimit, capacity);
        }
        return _pixels;
    }

    private List<CurvePoints> Curves(int[] labels, double[] scores)
    {
        var curves = new List<CurvePoints>();
        if (labels.Distinct().Count() == 2)
        {
            var roc = RocCurve.Compute(labels, scores);
            curves.Add(new CurvePoints("image_roc", roc.Fpr, roc.Tpr, roc.Thresholds));
            var pr = PrecisionRecallCurve.Compute(labels, scores);
            curves.Add(new CurvePoints("image_pr", pr.Recall, pr.Precision, pr.Thresholds));
        }
        if (_pixels is ExactPixelMetrics exact)
        {
            try
            {
                var pro = exact.ComputeProCurve(minFprStep: 1e-3);
                curves.Add(new CurvePoints("pro", pro.Fpr, pro.Pro, []));
            }
            catch (UndefinedMetricException)
            {
                // No regions or no normal pixels: the report already says why PRO is unavailable.
            }
        }
        return curves;
    }

    private static MetricResult Try(string name, Func<double> compute)
    {
        try
        {
            return new MetricResult(name, compute());
        }
        catch (UndefinedMetricException exception)
        {
            return new MetricResult(name, null, exception.Reason);
        }
    }

    private static MetricResult TryF1(string name, Func<F1MaxResult> compute)
    {
        try
        {
            var result = compute();
            return new MetricResult(name, result.F1, Threshold: result.Threshold);
        }
        catch (UndefinedMetricException exception)
        {
            return new MetricResult(name, null, exception.Reason);
        }
    }
}
