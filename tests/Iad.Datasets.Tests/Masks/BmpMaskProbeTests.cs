using Iad.Datasets.Errors;
using Iad.Datasets.Masks;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Masks;

public sealed class BmpMaskProbeTests
{
    private static bool Probe(byte[] file, int threshold = 0) =>
        new BmpMaskProbe().HasForeground(new MemoryStream(file), "mask.bmp", threshold);

    [Fact]
    public void Black_gray_mask_has_no_foreground_even_with_non_zero_padding()
    {
        Assert.False(Probe(TinyImages.GrayBmp(3, new byte[6], padding: 255)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void One_gray_pixel_anywhere_is_foreground(int index)
    {
        var pixels = new byte[6];
        pixels[index] = 1;

        Assert.True(Probe(TinyImages.GrayBmp(3, pixels)));
    }

    [Fact]
    public void Threshold_is_strict()
    {
        Assert.False(Probe(TinyImages.GrayBmp(2, [0, 127, 0, 0]), threshold: 127));
        Assert.True(Probe(TinyImages.GrayBmp(2, [0, 128, 0, 0]), threshold: 127));
    }

    [Fact]
    public void Reads_24_bit_and_1_bit_masks()
    {
        Assert.False(Probe(TinyImages.RgbBmp(3, new byte[9 * 2])));
        Assert.True(Probe(TinyImages.RgbBmp(3, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0])));
        Assert.False(Probe(TinyImages.BinaryBmp(9, new byte[18])));
        var bits = new byte[18];
        bits[17] = 1;
        Assert.True(Probe(TinyImages.BinaryBmp(9, bits)));
    }

    [Fact]
    public void Non_bmp_and_truncated_files_are_format_errors()
    {
        var error = Assert.Throws<DatasetFormatException>(() => Probe(TinyImages.Png));
        Assert.Equal("mask.bmp", error.Path);
        var full = TinyImages.GrayBmp(4, new byte[16]);
        Assert.Throws<DatasetFormatException>(() => Probe(full[..^3]));
    }
}
