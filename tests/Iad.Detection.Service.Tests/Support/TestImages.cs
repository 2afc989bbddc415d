using System.Runtime.InteropServices;
using Google.Protobuf;
using Iad.Contracts.V1;
using Iad.Imaging.Encoding;
using Iad.Imaging.Images;
using Tensor = Iad.Contracts.V1.Tensor;

namespace Iad.Detection.Service.Tests.Support;

/// <summary>Deterministic test images in every wire form.</summary>
internal static class TestImages
{
    /// <summary>
    /// Random pixels k/256 (k in 0..255): sums of up to 2^16 of them are exact in float32, so reductions give the same
    /// bits in any order or batch composition and results can be compared for equality.
    /// </summary>
    public static float[] Pixels(int seed, int size = TestDetectors.Size)
    {
        var random = new Random(seed);
        var values = new float[3 * size * size];
        for (var i = 0; i < values.Length; i++) values[i] = random.Next(256) / 256f;
        return values;
    }

    public static Image Float32(float[] chw, int size = TestDetectors.Size) => new()
    {
        Tensor = new Tensor
        {
            Dtype = DataType.Float32,
            Shape = { 3, size, size },
            Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(chw.AsSpan())),
        },
    };

    public static Image Float32(int seed) => Float32(Pixels(seed));

    public static Image Uint8(byte[] chw, int size = TestDetectors.Size) => new()
    {
        Tensor = new Tensor { Dtype = DataType.Uint8, Shape = { 3, size, size }, Data = ByteString.CopyFrom(chw) },
    };

    public static RgbImage Rgb(int seed, int width, int height)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    public static Image Png(RgbImage image) => new() { Encoded = new EncodedImage { Data = ByteString.CopyFrom(ImageEncoder.EncodePng(image)), Format = "png" } };

    public static Image Encoded(byte[] bytes) => new() { Encoded = new EncodedImage { Data = ByteString.CopyFrom(bytes) } };
}
