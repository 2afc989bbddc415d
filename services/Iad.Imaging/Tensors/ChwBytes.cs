using Iad.Imaging.Images;

namespace Iad.Imaging.Tensors;

/// <summary>
/// Interleaved 8-bit RGB → planar uint8 CHW: <c>dst[c * H * W + y * W + x] = src[(y * W + x) * 3 + c]</c>, values
/// unchanged in [0, 255]. The uint8 counterpart of <see cref="ChwTensor"/> (a quarter of its bytes on the wire).
/// </summary>
public static class ChwBytes
{
    /// <summary>Writes <paramref name="image"/> into <paramref name="destination"/> (length <c>3 * H * W</c>).</summary>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void Write(RgbImage image, Span<byte> destination) =>
        Write(image.Pixels, image.Width, image.Height, destination);

    /// <summary>Writes interleaved RGB samples of a <paramref name="width"/>×<paramref name="height"/> image into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    public static void Write(ReadOnlySpan<byte> interleaved, int width, int height, Span<byte> destination)
    {
        var plane = width * height;
        if (interleaved.Length != plane * 3)
        {
            throw new ArgumentException($"Source holds {interleaved.Length} bytes; {width}x{height} RGB needs {plane * 3}.", nameof(interleaved));
        }
        if (destination.Length != plane * 3)
        {
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {width}x{height} RGB needs {plane * 3}.", nameof(destination));
        }
        var r = destination[..plane];
        var g = destination.Slice(plane, plane);
        var b = destination.Slice(2 * plane, plane);
        for (int i = 0, j = 0; i < plane; i++, j += 3)
        {
            r[i] = interleaved[j];
            g[i] = interleaved[j + 1];
            b[i] = interleaved[j + 2];
        }
    }
}
