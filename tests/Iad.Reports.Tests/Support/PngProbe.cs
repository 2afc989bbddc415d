using System.Buffers.Binary;
using SkiaSharp;

namespace Iad.Reports.Tests.Support;

/// <summary>Reads what the tests need from a PNG file: header size, decoded pixels, number of distinct colours.</summary>
public static class PngProbe
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Width and height from the IHDR chunk; asserts the signature and that IHDR comes first.</summary>
    public static (int Width, int Height) HeaderSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} has only {bytes.Length} bytes.");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>Decodes the file; fails the test when it does not decode.</summary>
    public static SKBitmap Decode(string path) =>
        SKBitmap.Decode(path) ?? throw new Xunit.Sdk.XunitException($"{path} does not decode as an image.");

    /// <summary>Number of distinct colours, counting at most <paramref name="cap"/>.</summary>
    public static int DistinctColours(SKBitmap bitmap, int cap = 1000)
    {
        var seen = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y++)
        for (var x = 0; x < bitmap.Width; x++)
        {
            seen.Add((uint)bitmap.GetPixel(x, y));
            if (seen.Count >= cap) return cap;
        }
        return seen.Count;
    }
}
