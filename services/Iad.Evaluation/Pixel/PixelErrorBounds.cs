namespace Iad.Evaluation.Pixel;

/// <summary>
/// Guaranteed bounds on |binned − exact| for each pixel metric, derived from the histograms themselves
/// (zero in exact mode). See <see cref="BinnedPixelMetrics"/> for the derivation.
/// </summary>
public readonly record struct PixelErrorBounds(double Auroc, double AveragePrecision, double Aupro)
{
    /// <summary>Bounds of an exact computation.</summary>
    public static PixelErrorBounds None => default;
}
