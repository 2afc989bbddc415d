namespace Iad.Imaging.Perturbations;

/// <summary>
/// Few-shot augmentation (SPEC §3 item 3, IM-IAD Table IX). Every enabled transform is applied to each augmented copy,
/// in the order rotation, flip, scale, translate, colour jitter, perspective, with parameters drawn uniformly:
/// angle ∈ [−<see cref="MaxRotationDegrees"/>, +<see cref="MaxRotationDegrees"/>];
/// flip axis left–right or top–bottom with equal probability;
/// zoom factor ∈ [1 − <see cref="MaxScaleChange"/>, 1 + <see cref="MaxScaleChange"/>];
/// shift ∈ [−<see cref="MaxTranslateFraction"/>, +<see cref="MaxTranslateFraction"/>] of each side;
/// brightness, contrast and saturation ∈ [1 − <see cref="ColorJitterStrength"/>, 1 + <see cref="ColorJitterStrength"/>];
/// perspective corners moved inward by up to <see cref="PerspectiveDistortion"/> × half a side.
/// The papers give no ranges; these defaults are ours and are recorded with the setting.
/// </summary>
public sealed record AugmentationOptions(
    bool Rotation = true,
    bool Flip = false,
    bool Scale = false,
    bool Translate = false,
    bool ColorJitter = false,
    bool Perspective = false,
    double MaxRotationDegrees = 15,
    double MaxScaleChange = 0.1,
    double MaxTranslateFraction = 0.1,
    double ColorJitterStrength = 0.2,
    double PerspectiveDistortion = 0.2)
{
    /// <exception cref="ArgumentOutOfRangeException">A range is negative or would produce an invalid transform.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRotationDegrees);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxScaleChange);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MaxScaleChange, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTranslateFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTranslateFraction, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(ColorJitterStrength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ColorJitterStrength, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(PerspectiveDistortion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PerspectiveDistortion, 1.0);
    }
}
