using Iad.Evaluation.Pixel;
using Iad.Evaluation.Tests.TestData;

namespace Iad.Evaluation.Tests.Pixel;

public class BinnedErrorTests
{
    private static (PixelMetricsResult Exact, PixelMetricsResult Binned) Evaluate(int seed, float min, float max, int bins, double limit = 0.3)
    {
        var images = SyntheticMaps.Create(seed, 40, 64);
        var exact = new ExactPixelMetrics(limit);
        var binned = new BinnedPixelMetrics(min, max, bins, limit);
        foreach (var (map, mask) in images)
        {
            exact.Update(map, mask, 64);
            binned.Update(map, mask, 64);
        }
        return (exact.Compute(), binned.Compute());
    }

    private static void AssertWithinBounds(PixelMetricsResult exact, PixelMetricsResult binned)
    {
        Assert.InRange(Math.Abs(binned.Auroc - exact.Auroc), 0, binned.Bounds.Auroc + 1e-12);
        Assert.InRange(Math.Abs(binned.AveragePrecision - exact.AveragePrecision), 0, binned.Bounds.AveragePrecision + 1e-12);
        Assert.InRange(Math.Abs(binned.Aupro - exact.Aupro), 0, binned.Bounds.Aupro + 1e-12);
        Assert.InRange(binned.F1Max, 0, exact.F1Max + 1e-12);
        Assert.Equal((exact.NormalPixels, exact.AnomalousPixels, exact.Regions), (binned.NormalPixels, binned.AnomalousPixels, binned.Regions));
    }

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(2, 0.05)]
    [InlineData(3, 0.3)]
    public void With_4096_bins_the_documented_bound_holds(int seed, double limit)
    {
        var (exact, binned) = Evaluate(seed, -5, 7, 4096, limit);
        AssertWithinBounds(exact, binned);
        // The figures stated in BinnedPixelMetrics' documentation.
        Assert.InRange(Math.Abs(binned.Auroc - exact.Auroc), 0, 5e-6);
        Assert.InRange(Math.Abs(binned.AveragePrecision - exact.AveragePrecision), 0, 2e-4);
        Assert.InRange(Math.Abs(binned.Aupro - exact.Aupro), 0, 5e-5);
        Assert.InRange(binned.Bounds.Auroc, 0, 5e-4);
        Assert.InRange(binned.Bounds.AveragePrecision, 0, 2e-3);
        Assert.InRange(binned.Bounds.Aupro, 0, 1e-3);
    }

    [Fact]
    public void Coarse_bins_and_clamped_scores_still_respect_the_bound()
    {
        var (exact, binned) = Evaluate(3, -1, 1, 16);
        AssertWithinBounds(exact, binned);
        Assert.True(binned.Bounds.Auroc > 1e-3, "16 bins over a clamped range should give a visibly larger bound.");
    }

    [Fact]
    public void Bounds_shrink_as_bins_grow()
    {
        var coarse = Evaluate(4, -5, 7, 256).Binned.Bounds;
        var fine = Evaluate(4, -5, 7, 4096).Binned.Bounds;
        Assert.True(fine.Auroc < coarse.Auroc && fine.AveragePrecision < coarse.AveragePrecision && fine.Aupro < coarse.Aupro);
    }

    [Fact]
    public void Reset_clears_the_histograms()
    {
        var binned = new BinnedPixelMetrics(0, 1, 64);
        binned.Update([0.1f, 0.9f], [0, 1], 2);
        binned.Reset();
        Assert.Equal(0, binned.PixelCount);
        Assert.Throws<UndefinedMetricException>(binned.Compute);
    }

    [Fact]
    public void Invalid_ranges_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new BinnedPixelMetrics(1, 1));
        Assert.Throws<ArgumentException>(() => new BinnedPixelMetrics(0, float.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinnedPixelMetrics(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinnedPixelMetrics(0, 1, 64, 0));
    }
}
