using Iad.Imaging.Images;

namespace Iad.Synthetic.Generation;

/// <summary>
/// One generated image. <see cref="Normal"/> is the same scene without the defect (the same instance as
/// <see cref="Image"/> for normal samples); <see cref="Mask"/> marks exactly the pixels where they differ.
/// </summary>
public sealed record SyntheticSample(RgbImage Image, RgbImage Normal, BinaryMask? Mask, string? DefectType)
{
    public bool IsAnomalous => Mask is not null;
}
