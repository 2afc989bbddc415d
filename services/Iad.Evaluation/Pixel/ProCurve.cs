namespace Iad.Evaluation.Pixel;

/// <summary>
/// Points of a PRO (or sPRO) curve from the origin up to the FPR limit, for plotting: FPR over normal pixels on x,
/// mean per-region overlap on y; the last point is interpolated linearly at the limit.
/// </summary>
/// <param name="Fpr">False-positive rates, non-decreasing, ending at the limit.</param>
/// <param name="Pro">Per-region overlap at each point.</param>
/// <param name="FprLimit">The limit the curve stops at.</param>
public sealed record ProCurve(double[] Fpr, double[] Pro, double FprLimit);
