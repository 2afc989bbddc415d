namespace Iad.Reports.Model;

/// <summary>
/// A polyline to plot: point i is (<paramref name="X"/>[i], <paramref name="Y"/>[i]). Both arrays have the same,
/// non-zero length; points are drawn in the given order.
/// </summary>
/// <param name="X">Abscissae (FPR for ROC and PRO, recall for PR).</param>
/// <param name="Y">Ordinates (TPR for ROC, precision for PR, per-region overlap for PRO).</param>
public sealed record Curve(double[] X, double[] Y);
