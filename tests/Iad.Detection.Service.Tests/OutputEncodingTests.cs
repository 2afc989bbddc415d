using Iad.Detection.Service.Outputs;
using Iad.Detection.Service.Telemetry;

namespace Iad.Detection.Service.Tests;

public sealed class OutputEncodingTests
{
    [Theory]
    [InlineData(7, 5, 3, 2)]
    [InlineData(9, 9, 4, 4)]
    [InlineData(10, 6, 10, 6)]
    [InlineData(5, 8, 1, 1)]
    public void Area_downsampling_matches_a_fractional_box_average(int height, int width, int outHeight, int outWidth)
    {
        var random = new Random(height * 31 + width);
        var source = Enumerable.Range(0, height * width).Select(_ => (float)random.NextDouble()).ToArray();
        var actual = new float[outHeight * outWidth];
        AreaDownsampler.Downsample(source, height, width, actual, outHeight, outWidth);
        for (var oy = 0; oy < outHeight; oy++)
        {
            for (var ox = 0; ox < outWidth; ox++)
            {
                double sum = 0, area = 0;
                for (var y = 0; y < height; y++)
                {
                    for (var x = 0; x < width; x++)
                    {
                        var wy = Overlap(y, oy * (double)height / outHeight, (oy + 1) * (double)height / outHeight);
                        var wx = Overlap(x, ox * (double)width / outWidth, (ox + 1) * (double)width / outWidth);
                        sum += wy * wx * source[y * width + x];
                        area += wy * wx;
                    }
                }
                Assert.Equal(sum / area, actual[oy * outWidth + ox], 1e-5);
            }
        }
    }

    [Fact]
    public void Upsampling_is_refused() =>
        Assert.Throws<ArgumentException>(() => AreaDownsampler.Downsample(new float[4], 2, 2, new float[9], 3, 3));

    [Fact]
    public void Masks_pack_most_significant_bit_first_without_row_padding()
    {
        float[] map = [0.9f, 0.1f, 0.6f, 0.5f, float.NaN, 0.7f, 0.2f, 0.8f, 0.95f, 0f, 0.51f];
        var mask = MaskPacker.Pack(map, 1, 11, 0.5).Packed;
        Assert.Equal((11, 1), (mask.Width, mask.Height));
        Assert.Equal(new byte[] { 0b1010_0101, 0b1010_0000 }, mask.Bits.ToByteArray());
    }

    [Fact]
    public void Constant_maps_quantise_to_code_zero_with_unit_scale()
    {
        var tensor = MapEncoder.Encode([0.3f, 0.3f, 0.3f, 0.3f], 2, 2, Iad.Contracts.V1.MapEncoding.Uint8);
        Assert.Equal(new byte[4], tensor.Data.ToByteArray());
        Assert.Equal(1.0, tensor.Quantization.Scale);
        Assert.Equal(0.3, tensor.Quantization.Offset, 6);
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank_over_the_kept_window()
    {
        var window = new LatencyWindow(capacity: 10);
        Assert.Equal([0.0, 0.0], window.Percentiles(50, 99));
        for (var i = 1; i <= 20; i++) window.Add(i);
        Assert.Equal([11.0, 15.0, 20.0], window.Percentiles(0, 50, 100));
    }

    private static double Overlap(int pixel, double start, double end) => Math.Max(0, Math.Min(end, pixel + 1) - Math.Max(start, pixel));
}
