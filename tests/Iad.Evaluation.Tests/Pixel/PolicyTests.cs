using Iad.Evaluation.Pixel;

namespace Iad.Evaluation.Tests.Pixel;

public class PolicyTests
{
    private static readonly PixelMetricsPolicy Policy = new(MemoryBudgetBytes: 8_000, MinScore: 0, MaxScore: 1);

    [Fact]
    public void Exact_while_the_pixels_fit_the_budget_binned_beyond()
    {
        Assert.Equal(PixelMetricMode.Exact, Policy.Choose(1_000));
        Assert.Equal(PixelMetricMode.Binned, Policy.Choose(1_001));
        Assert.Equal(PixelMetricMode.Binned, new PixelMetricsPolicy(long.MaxValue, 0, 1).Choose(ExactPixelMetrics.MaxPixels + 1));
    }

    [Fact]
    public void Created_accumulators_report_the_mode_they_used()
    {
        foreach (var (pixels, mode) in new[] { (4L, PixelMetricMode.Exact), (10_000L, PixelMetricMode.Binned) })
        {
            var metrics = Policy.Create(pixels);
            Assert.Equal(mode, metrics.Mode);
            metrics.Update([0.2f, 0.9f, 0.1f, 0.4f], [0, 1, 0, 0], 2);
            var result = metrics.Compute();
            Assert.Equal(mode, result.Mode);
            Assert.Equal(1.0, result.Auroc);
            Assert.Equal(0.3, result.FprLimit);
        }
    }
}
