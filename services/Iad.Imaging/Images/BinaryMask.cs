namespace Iad.Imaging.Images;

/// <summary>
/// A binary pixel mask on one contiguous buffer: row-major, one byte per pixel, 0 = normal, 1 = anomalous.
/// </summary>
public sealed class BinaryMask
{
    /// <summary>Wraps an existing buffer without copying; every value must already be 0 or 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Width or height is not positive.</exception>
    /// <exception cref="ArgumentException">The buffer length is not <c>width * height</c> or holds a value other than 0 and 1.</exception>
    public BinaryMask(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height)
        {
            throw new ArgumentException(
                $"A mask of {width}x{height} needs {(long)width * height} bytes, got {pixels.LongLength}.", nameof(pixels));
        }
        var invalid = pixels.AsSpan().IndexOfAnyExcept((byte)0, (byte)1);
        if (invalid >= 0)
        {
            throw new ArgumentException($"Mask values must be 0 or 1; index {invalid} holds {pixels[invalid]}.", nameof(pixels));
        }
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Allocates an all-normal mask.</summary>
    public BinaryMask(int width, int height)
        : this(width, height, new byte[checked(width * height)])
    {
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>One byte per pixel, 0 or 1, <c>Width * Height</c> bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>Number of anomalous pixels.</summary>
    public int CountAnomalous() => Width * Height - Pixels.AsSpan().Count((byte)0);

    /// <summary>A deep copy.</summary>
    public BinaryMask Clone() => new(Width, Height, (byte[])Pixels.Clone());
}
