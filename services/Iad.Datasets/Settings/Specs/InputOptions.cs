namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Input geometry and training-image share (SPEC §3 item 11). Resolution order: an explicit value, else the named
/// <see cref="Profile"/>'s value (see <see cref="InputProfiles"/>), else the default (256×256 resize, no center crop,
/// Beyond §4.1). All resolved values are recorded in the manifest.
/// </summary>
/// <param name="ImageSize">Resize side in pixels, 8..8192 (128, 256, 512 are the documented choices); null = profile or 256.</param>
/// <param name="CenterCrop">Center-crop side after resize, 0 = none, at most the image size; null = profile or 0.</param>
/// <param name="TrainFraction">
/// Share of each task's training samples kept, in (0, 1]: max(1, round(f · n)) drawn by the seed before any validation
/// hold-out (Beyond trains PatchCore at 512 on 25 %); default 1.
/// </param>
/// <param name="Profile">Named reproduction profile (<see cref="InputProfiles"/>), or null.</param>
/// <param name="Method">Method whose paper size a per-method profile looks up (e.g. <c>patchcore</c> for <c>im-iad</c>), or null.</param>
public sealed record InputOptions(
    int? ImageSize = null,
    int? CenterCrop = null,
    double TrainFraction = 1,
    string? Profile = null,
    string? Method = null)
{
    /// <summary>Default resize side.</summary>
    public const int DefaultImageSize = 256;

    /// <summary>Smallest accepted side.</summary>
    public const int MinImageSize = 8;

    /// <summary>Largest accepted side.</summary>
    public const int MaxImageSize = 8192;

    /// <summary>The options with profile and defaults applied: <see cref="ImageSize"/> and <see cref="CenterCrop"/> set.</summary>
    /// <exception cref="SettingException">Unknown profile or method, or a value out of range.</exception>
    public InputOptions Resolve()
    {
        var (profileSize, profileCrop) = Profile is null ? (DefaultImageSize, 0) : InputProfiles.Lookup(Profile, Method);
        var size = ImageSize ?? profileSize;
        var crop = CenterCrop ?? profileCrop;
        if (size is < MinImageSize or > MaxImageSize)
        {
            throw new SettingException($"input image_size={size} is outside [{MinImageSize}, {MaxImageSize}].");
        }

        if (crop < 0 || crop > size)
        {
            throw new SettingException($"input center_crop={crop} must be 0 (none) or in [1, image_size={size}].");
        }

        if (!(TrainFraction > 0 && TrainFraction <= 1))
        {
            throw new SettingException($"input train_fraction={TrainFraction} is outside (0, 1].");
        }

        return this with { ImageSize = size, CenterCrop = crop };
    }
}
