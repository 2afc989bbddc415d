using Iad.Evaluation.Pixel;
using Iad.Evaluation.Tests.TestData;

namespace Iad.Evaluation.Tests.Pixel;

public class PixelTestVectorTests
{
    // Image-style metrics are exact; AUPRO differs from generate.py only by summation order (≈1e-15), documented 1e-6.
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("pixel-small")]
    [InlineData("pixel-ties")]
    public void Exact_pixel_metrics_match_the_reference(string name)
    {
        var metrics = new ExactPixelMetrics();
        foreach (var (map, mask) in TestVectors.PixelPairs(name)) metrics.Update(map.Values, mask, map.Columns);
        var result = metrics.Compute();
        var expected = TestVectors.Expected(name).GetProperty("pixel");
        Assert.Equal(expected.GetProperty("auroc").GetDouble(), result.Auroc, Tolerance);
        Assert.Equal(expected.GetProperty("ap").GetDouble(), result.AveragePrecision, Tolerance);
        Assert.Equal(expected.GetProperty("f1max").GetDouble(), result.F1Max, Tolerance);
        Assert.Equal(expected.GetProperty("aupro_0.3").GetDouble(), result.Aupro, Tolerance);
        Assert.Equal(PixelMetricMode.Exact, result.Mode);
    }

    [Theory]
    [InlineData("pixel-small")]
    [InlineData("pixel-ties")]
    public void Binned_pixel_metrics_stay_within_their_bounds_of_the_reference(string name)
    {
        var metrics = new BinnedPixelMetrics(-5, 7);
        foreach (var (map, mask) in TestVectors.PixelPairs(name)) metrics.Update(map.Values, mask, map.Columns);
        var result = metrics.Compute();
        var expected = TestVectors.Expected(name).GetProperty("pixel");
        Assert.InRange(Math.Abs(result.Auroc - expected.GetProperty("auroc").GetDouble()), 0, result.Bounds.Auroc + 1e-12);
        Assert.InRange(Math.Abs(result.AveragePrecision - expected.GetProperty("ap").GetDouble()), 0, result.Bounds.AveragePrecision + 1e-12);
        Assert.InRange(Math.Abs(result.Aupro - expected.GetProperty("aupro_0.3").GetDouble()), 0, result.Bounds.Aupro + 1e-12);
        Assert.Equal(PixelMetricMode.Binned, result.Mode);
    }
}
