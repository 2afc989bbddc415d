namespace Iad.Imaging.Images;

/// <summary>
/// An 8-bit RGB image on one contiguous buffer: row-major, interleaved R, G, B,
/// so the sample of channel <c>c</c> at (x, y) is <c>Pixels[(y * Width + x) * 3 + c]</c>.
/// </summary>
public sealed class RgbImage
{
    /// <summary>Wraps an existing buffer without copying.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Width or height is not positive.</exception>
    /// <exception cref="ArgumentException">The buffer length is not <c>width * height * 3</c>.</exception>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height * Channels)
        {
            throw new ArgumentException(
                $"An RGB image of {width}x{height} needs {(long)width * height * Channels} bytes, got {pixels.LongLength}.",
                nameof(pixels));
        }
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Allocates a black image.</summary>
    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(width * height * Channels)])
    {
    }

    /// <summary>Number of interleaved channels (always 3).</summary>
    public const int Channels = 3;

    public int Width { get; }

    public int Height { get; }

    /// <summary>Interleaved RGB samples, <c>Width * Height * 3</c> bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>A deep copy.</summary>
    public RgbImage Clone() => new(Width, Height, (byte[])Pixels.Clone());
}
