using Iad.Evaluation.Pixel;

namespace Iad.Evaluation.Reports;

/// <summary>One metric's value, or why it could not be computed (never a silent 0).</summary>
public sealed record MetricResult(string Name, double? Value, string? UnavailableReason = null, double? Threshold = null);

/// <summary>Points of one curve: x, y and the threshold of each point (empty for curves without thresholds, such as PRO).</summary>
public sealed record CurvePoints(string Name, double[] X, double[] Y, double[] Thresholds);

/// <summary>Everything an evaluation produced.</summary>
/// <param name="Metrics">Metric values in a fixed order: image, pixel, sample.</param>
/// <param name="Counts">images, normal_images, anomalous_images, samples, maps, regions.</param>
/// <param name="PixelMode">Exact or binned; null when no map was given.</param>
/// <param name="PixelErrorBound">Largest guaranteed absolute error of the binned pixel metrics (0 when exact).</param>
/// <param name="Curves">Curve points when asked for.</param>
public sealed record EvaluationReport(
    IReadOnlyList<MetricResult> Metrics,
    IReadOnlyDictionary<string, long> Counts,
    PixelMetricMode? PixelMode,
    double PixelErrorBound,
    IReadOnlyList<CurvePoints> Curves)
{
    public MetricResult this[string name] => Metrics.First(m => m.Name == name);
}
