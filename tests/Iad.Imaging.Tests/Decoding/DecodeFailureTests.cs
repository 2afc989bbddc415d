using System.Buffers.Binary;
using Iad.Imaging.Decoding;
using Iad.Imaging.Tests.Support;

namespace Iad.Imaging.Tests.Decoding;

public class DecodeFailureTests
{
    private static byte[] ValidPng() => TestImages.Encode(".png", TestImages.Bgr8(32, 32));

    [Fact]
    public void EmptyBytesAreEmpty()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeRgb([]));
        Assert.Equal(ImageDecodeFailure.Empty, error.Reason);
    }

    [Fact]
    public void UnknownSignatureIsUnsupported()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeRgb("GIF89a....."u8));
        Assert.Equal(ImageDecodeFailure.Unsupported, error.Reason);
    }

    public static TheoryData<string, byte[]> HugeHeaders()
    {
        var png = ValidPng();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);

        // SOI, APP0 of length 16, SOF0 with 100000x100000 does not fit in 16 bits: use 65535x65535 (4.3 Gpx).
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0x03];

        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 100_000);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), -100_000);
        BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(28), 24);

        var tiff = new byte[8 + 2 + 2 * 12 + 4];
        "II"u8.CopyTo(tiff);
        tiff[2] = 42;
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        WriteTiffEntry(tiff.AsSpan(10), 256, 100_000);
        WriteTiffEntry(tiff.AsSpan(22), 257, 100_000);

        return new TheoryData<string, byte[]> { { "png", png }, { "jpeg", jpeg }, { "bmp", bmp }, { "tiff", tiff } };
    }

    private static void WriteTiffEntry(Span<byte> entry, ushort tag, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
    }

    [Theory]
    [MemberData(nameof(HugeHeaders))]
    public void HeaderOverThePixelLimitIsRejectedWithoutAllocating(string format, byte[] bytes)
    {
        var header = ImageHeaderReader.Read(bytes);
        Assert.True(header.PixelCount > DecodeOptions.DefaultMaxPixels, format);
        ImageDecoder.DecodeRgb(ValidPng()); // warm up code paths so only the rejection is measured
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeRgb(bytes));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(ImageDecodeFailure.TooLarge, error.Reason);
        Assert.Contains("over the limit", error.Message);
        Assert.True(allocated < 64 * 1024, $"{format}: allocated {allocated} bytes");
    }

    [Fact]
    public void LimitIsConfigurable()
    {
        var bytes = ValidPng();
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeRgb(bytes, new DecodeOptions(MaxPixels: 32 * 32 - 1)));
        Assert.Equal(ImageDecodeFailure.TooLarge, error.Reason);
        Assert.Equal(32, ImageDecoder.DecodeRgb(bytes, new DecodeOptions(MaxPixels: 32 * 32)).Width);
    }

    [Theory]
    [InlineData(".png", 0.5)]
    [InlineData(".png", 0.95)]
    [InlineData(".jpg", 0.5)]
    [InlineData(".jpg", 0.98)]
    [InlineData(".bmp", 0.5)]
    [InlineData(".tiff", 0.5)]
    [InlineData(".png", 0.02)]
    [InlineData(".jpg", 0.01)]
    public void TruncatedFilesAreCorrupt(string extension, double keptFraction)
    {
        var bytes = TestImages.Encode(extension, TestImages.Bgr8(64, 48));
        var truncated = bytes.AsSpan(0, Math.Max(4, (int)(bytes.Length * keptFraction))).ToArray();
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeRgb(truncated));
        Assert.Equal(ImageDecodeFailure.Corrupt, error.Reason);
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".tiff")]
    public void GarbledPayloadIsCorruptNotACrash(string extension)
    {
        var bytes = TestImages.Encode(extension, TestImages.Bgr8(64, 48));
        // Keep the header, overwrite the middle with a fixed pseudo-random pattern, keep the trailer.
        for (var i = bytes.Length / 4; i < bytes.Length - 16; i++) bytes[i] = (byte)(i * 131 + 7);
        try
        {
            var image = ImageDecoder.DecodeRgb(bytes);
            // Some garbling still decodes (JPEG entropy data is self-synchronising); then the size must be the header's.
            Assert.Equal((64, 48), (image.Width, image.Height));
        }
        catch (ImageDecodeException error)
        {
            Assert.Equal(ImageDecodeFailure.Corrupt, error.Reason);
        }
    }

    [Fact]
    public void HeaderClaimingZeroSizeIsCorrupt()
    {
        var png = ValidPng();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 0);
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeRgb(png));
        Assert.Equal(ImageDecodeFailure.Corrupt, error.Reason);
    }

    [Fact]
    public void HeaderDisagreeingWithDataIsCorrupt()
    {
        var png = ValidPng();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 31);
        Assert.Throws<ImageDecodeException>(() => ImageDecoder.DecodeRgb(png));
    }

    [Theory]
    [InlineData(".png")]
    [InlineData(".jpg")]
    [InlineData(".bmp")]
    [InlineData(".tiff")]
    public void HeaderReaderAgreesWithTheEncoder(string extension)
    {
        var header = ImageHeaderReader.Read(TestImages.Encode(extension, TestImages.Bgr8(37, 23)));
        Assert.Equal((37L, 23L), (header.Width, header.Height));
    }
}
