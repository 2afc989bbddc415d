using Iad.Evaluation.Image;
using Iad.Evaluation.Pixel;
using Iad.Evaluation.Tests.TestData;

namespace Iad.Evaluation.Tests.Pixel;

public class ExactVersusBruteForceTests
{
    [Theory]
    [InlineData(11, 1, 0.3)]
    [InlineData(12, 0, 0.3)]
    [InlineData(13, 1, 0.05)]
    public void Aupro_equals_the_per_threshold_reference(int seed, int decimals, double limit)
    {
        // Rounded scores create many ties between normal and region pixels.
        var images = SyntheticMaps.Create(seed, 6, 20, decimals);
        var metrics = new ExactPixelMetrics(limit);
        foreach (var (map, mask) in images) metrics.Update(map, mask, 20);
        Assert.Equal(BruteForcePro.Aupro(images, 20, limit), metrics.Compute().Aupro, 1e-9);
    }

    [Fact]
    public void Pixel_auroc_ap_and_f1_equal_the_image_metrics_over_flattened_pixels()
    {
        var images = SyntheticMaps.Create(21, 10, 32, 1);
        images[0].Map[5] = -0.0f;
        images[0].Map[6] = 0.0f;
        images[2].Map[7] = float.NegativeInfinity;
        images[3].Map[8] = float.PositiveInfinity;
        var metrics = new ExactPixelMetrics();
        foreach (var (map, mask) in images) metrics.Update(map, mask, 32);
        var result = metrics.Compute();
        var labels = images.SelectMany(i => i.Mask).Select(m => m != 0 ? 1 : 0).ToArray();
        var scores = images.SelectMany(i => i.Map).Select(v => (double)v).ToArray();
        Assert.Equal(Auroc.Compute(labels, scores), result.Auroc, 1e-12);
        Assert.Equal(AveragePrecision.Compute(labels, scores), result.AveragePrecision, 1e-12);
        var f1 = F1Max.Compute(labels, scores);
        Assert.Equal(f1.F1, result.F1Max, 1e-12);
        Assert.Equal(f1.Threshold, result.F1Threshold);
    }

    [Fact]
    public void Reset_and_recompute_give_the_same_result()
    {
        var images = SyntheticMaps.Create(31, 4, 16);
        var metrics = new ExactPixelMetrics();
        foreach (var (map, mask) in images) metrics.Update(map, mask, 16);
        var first = metrics.Compute();
        Assert.Equal(first, metrics.Compute());
        metrics.Reset();
        Assert.Equal(0, metrics.PixelCount);
        foreach (var (map, mask) in images) metrics.Update(map, mask, 16);
        Assert.Equal(first, metrics.Compute());
    }
}
