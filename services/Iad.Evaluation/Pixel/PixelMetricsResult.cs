namespace Iad.Evaluation.Pixel;

/// <summary>Pixel-level metrics over all pixels of all maps evaluated together.</summary>
/// <param name="Auroc">Pixel AUROC (Mann–Whitney, ties ½) with anomalous = inside any ground-truth region.</param>
/// <param name="AveragePrecision">Pixel AP (step-wise, scikit-learn definition).</param>
/// <param name="F1Max">Pixel F1-max; in binned mode thresholds are restricted to bin edges, so it is a lower bound of the exact value.</param>
/// <param name="F1Threshold">Threshold of <paramref name="F1Max"/> (anomalous when score ≥ threshold).</param>
/// <param name="Aupro">Area under the PRO curve (AUsPRO when regions carry saturation areas) from FPR 0 to <paramref name="FprLimit"/>, divided by the limit.</param>
/// <param name="FprLimit">The FPR integration limit.</param>
/// <param name="NormalPixels">Pixels outside every region.</param>
/// <param name="AnomalousPixels">Pixels inside at least one region.</param>
/// <param name="Regions">Ground-truth regions over all maps.</param>
/// <param name="Mode">Exact or binned.</param>
/// <param name="Bounds">Guaranteed error bounds (zero when exact).</param>
public sealed record PixelMetricsResult(
    double Auroc,
    double AveragePrecision,
    double F1Max,
    double F1Threshold,
    double Aupro,
    double FprLimit,
    long NormalPixels,
    long AnomalousPixels,
    int Regions,
    PixelMetricMode Mode,
    PixelErrorBounds Bounds);
