namespace Iad.Reports.Model;

/// <summary>
/// Curves of the final model evaluated on one task. Any of them may be null; a chart panel without any curve says so.
/// </summary>
/// <param name="TaskName">The task the curves were measured on.</param>
/// <param name="Roc">Image ROC: x = FPR, y = TPR.</param>
/// <param name="PrecisionRecall">Image precision–recall: x = recall, y = precision.</param>
/// <param name="Pro">Pixel PRO: x = FPR on normal pixels (up to the integration limit), y = mean per-region overlap.</param>
public sealed record TaskCurves(string TaskName, Curve? Roc, Curve? PrecisionRecall, Curve? Pro);
