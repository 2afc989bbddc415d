namespace Iad.Imaging.Preprocessing;

/// <summary>
/// How a decoded image becomes a model input: resize to <see cref="ResizeWidth"/>×<see cref="ResizeHeight"/>
/// (aspect ratio not kept), then, only when <see cref="CenterCrop"/> is set, cut the central
/// <c>CenterCrop×CenterCrop</c> square. Defaults: 256×256, no crop (Beyond §4.1).
/// </summary>
public sealed record InputGeometry(
    int ResizeWidth = 256,
    int ResizeHeight = 256,
    int? CenterCrop = null,
    ImageInterpolation Interpolation = ImageInterpolation.Auto)
{
    /// <summary>256×256 resize, no crop.</summary>
    public static InputGeometry Default { get; } = new();

    /// <summary>Width of the produced image.</summary>
    public int OutputWidth => CenterCrop ?? ResizeWidth;

    /// <summary>Height of the produced image.</summary>
    public int OutputHeight => CenterCrop ?? ResizeHeight;

    /// <summary>Length of the CHW float tensor for one image: <c>3 * OutputHeight * OutputWidth</c>.</summary>
    public int TensorLength => 3 * OutputWidth * OutputHeight;

    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or the crop exceeds the resized image.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ResizeWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ResizeHeight);
        if (CenterCrop is { } crop && (crop <= 0 || crop > ResizeWidth || crop > ResizeHeight))
        {
            throw new ArgumentOutOfRangeException(nameof(CenterCrop), crop,
                $"Center crop must be in 1..min({ResizeWidth}, {ResizeHeight}).");
        }
    }
}
