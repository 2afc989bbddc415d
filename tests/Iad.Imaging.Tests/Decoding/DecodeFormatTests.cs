using Iad.Imaging.Decoding;
using Iad.Imaging.Encoding;
using Iad.Imaging.Images;
using Iad.Imaging.Tests.Support;
using OpenCvSharp;

namespace Iad.Imaging.Tests.Decoding;

public class DecodeFormatTests
{
    [Theory]
    [InlineData(".png")]
    [InlineData(".bmp")]
    [InlineData(".tiff")]
    public void Lossless8BitColourDecodesToExactRgb(string extension)
    {
        using var bgr = TestImages.Bgr8(13, 9);
        var image = ImageDecoder.DecodeRgb(TestImages.Encode(extension, bgr));
        Assert.Equal(13, image.Width);
        Assert.Equal(9, image.Height);
        for (var y = 0; y < 9; y++)
        {
            for (var x = 0; x < 13; x++)
            {
                var v = bgr.At<Vec3b>(y, x);
                var i = (y * 13 + x) * 3;
                Assert.Equal((v.Item2, v.Item1, v.Item0), (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]));
            }
        }
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".tiff")]
    public void SixteenBitIsScaledToEightBit(string extension)
    {
        using var wide = new Mat(2, 3, MatType.CV_16UC3);
        ushort[] samples = [0, 257, 65535, 1000, 30000, 65280];
        for (var i = 0; i < samples.Length; i++) wide.Set(i / 3, i % 3, new Vec3w(samples[i], samples[i], samples[i]));
        var image = ImageDecoder.DecodeRgb(TestImages.Encode(extension, wide));
        for (var i = 0; i < samples.Length; i++)
        {
            var expected = (byte)Math.Round(samples[i] * 255.0 / 65535.0);
            Assert.Equal(expected, image.Pixels[i * 3]);
            Assert.Equal(expected, image.Pixels[i * 3 + 2]);
        }
    }

    [Theory]
    [InlineData(".png", false)]
    [InlineData(".png", true)]
    [InlineData(".tiff", false)]
    [InlineData(".bmp", false)]
    public void GreyIsReplicatedToThreeChannels(string extension, bool sixteenBit)
    {
        using var grey = new Mat(4, 5, sixteenBit ? MatType.CV_16UC1 : MatType.CV_8UC1);
        for (var i = 0; i < 20; i++)
        {
            if (sixteenBit) grey.Set(i / 5, i % 5, (ushort)(i * 257 * 10));
            else grey.Set(i / 5, i % 5, (byte)(i * 10));
        }
        var image = ImageDecoder.DecodeRgb(TestImages.Encode(extension, grey));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal((byte)(i * 10), image.Pixels[i * 3]);
            Assert.Equal((byte)(i * 10), image.Pixels[i * 3 + 1]);
            Assert.Equal((byte)(i * 10), image.Pixels[i * 3 + 2]);
        }
    }

    [Fact]
    public void RgbaDropsAlpha()
    {
        using var bgra = new Mat(1, 2, MatType.CV_8UC4);
        bgra.Set(0, 0, new Vec4b(10, 20, 30, 0));
        bgra.Set(0, 1, new Vec4b(40, 50, 60, 255));
        var image = ImageDecoder.DecodeRgb(TestImages.Encode(".png", bgra));
        Assert.Equal([30, 20, 10, 60, 50, 40], image.Pixels);
    }

    [Fact]
    public void JpegDecodesCloseToTheSource()
    {
        using var flat = new Mat(16, 16, MatType.CV_8UC3, new Scalar(50, 120, 200));
        var image = ImageDecoder.DecodeRgb(TestImages.Encode(".jpg", flat, new ImageEncodingParam(ImwriteFlags.JpegQuality, 95)));
        Assert.Equal(16, image.Width);
        Assert.InRange(image.Pixels[0], 197, 203);
        Assert.InRange(image.Pixels[1], 117, 123);
        Assert.InRange(image.Pixels[2], 47, 53);
    }

    [Fact]
    public void GreyJpegDecodes()
    {
        using var grey = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(77));
        var image = ImageDecoder.DecodeRgb(TestImages.Encode(".jpg", grey));
        Assert.All(image.Pixels, v => Assert.InRange(v, 75, 79));
    }

    [Fact]
    public void PngEncodeRoundTripsExactly()
    {
        var image = TestImages.Pattern(17, 11);
        var decoded = ImageDecoder.DecodeRgb(ImageEncoder.EncodePng(image));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void MaskRoundTripsAsZeroAnd255()
    {
        var mask = new BinaryMask(5, 3);
        mask.Pixels[4] = 1;
        mask.Pixels[14] = 1;
        var bytes = ImageEncoder.EncodePng(mask);
        using var raw = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        Assert.Equal(1, raw.Channels());
        Assert.Equal(255, raw.At<byte>(0, 4));
        Assert.Equal(mask.Pixels, ImageDecoder.DecodeMask(bytes).Pixels);
    }

    [Fact]
    public void AnyNonZeroMaskValueIsAnomalousAtEveryDepth()
    {
        using var eight = new Mat(1, 3, MatType.CV_8UC1);
        eight.Set(0, 0, (byte)0);
        eight.Set(0, 1, (byte)1);
        eight.Set(0, 2, (byte)255);
        Assert.Equal([0, 1, 1], ImageDecoder.DecodeMask(TestImages.Encode(".png", eight)).Pixels);

        using var sixteen = new Mat(1, 3, MatType.CV_16UC1);
        sixteen.Set(0, 0, (ushort)0);
        sixteen.Set(0, 1, (ushort)1);
        sixteen.Set(0, 2, (ushort)40000);
        Assert.Equal([0, 1, 1], ImageDecoder.DecodeMask(TestImages.Encode(".png", sixteen)).Pixels);

        using var colour = new Mat(1, 3, MatType.CV_8UC3, Scalar.All(0));
        colour.Set(0, 2, new Vec3b(0, 0, 9));
        Assert.Equal([0, 0, 1], ImageDecoder.DecodeMask(TestImages.Encode(".bmp", colour)).Pixels);
    }
}
