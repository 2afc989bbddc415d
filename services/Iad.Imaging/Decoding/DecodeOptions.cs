namespace Iad.Imaging.Decoding;

/// <summary>Limits applied while decoding.</summary>
/// <param name="MaxPixels">
/// Largest <c>width * height</c> a header may claim; larger images are rejected with
/// <see cref="ImageDecodeFailure.TooLarge"/> before decoding. Default 64,000,000 (above Real-IAD's raw 3648×5472 ≈ 20 Mpx).
/// </param>
public sealed record DecodeOptions(long MaxPixels = DecodeOptions.DefaultMaxPixels)
{
    public const long DefaultMaxPixels = 64_000_000;

    /// <summary>The defaults.</summary>
    public static DecodeOptions Default { get; } = new();
}
