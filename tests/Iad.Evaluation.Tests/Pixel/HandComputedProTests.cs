using Iad.Evaluation.Pixel;

namespace Iad.Evaluation.Tests.Pixel;

/// <summary>
/// Two small images, three regions, one score tie between a normal and two region pixels (at 0.5).
/// Image A (2×4): mask 1 1 0 0 / 0 0 0 1 → r1 = {0.9, 0.5}, r2 = {0.8}; normals 0.3 0.1 0.2 0.4 0.6.
/// Image B (1×3): mask 0 1 1 → r3 = {0.5, 0.1}; normal 0.5.
/// PRO points (FPR, PRO): (0,0) (0,1/6) (0,1/2) (1/6,1/2) (1/3,5/6) (1/2,5/6) (2/3,5/6) (5/6,5/6) (1,1).
/// </summary>
public class HandComputedProTests
{
    private static readonly float[] MapA = [0.9f, 0.5f, 0.3f, 0.1f, 0.2f, 0.4f, 0.6f, 0.8f];
    private static readonly byte[] MaskA = [255, 255, 0, 0, 0, 0, 0, 255];
    private static readonly float[] MapB = [0.5f, 0.5f, 0.1f];
    private static readonly byte[] MaskB = [0, 255, 255];

    private static T Fill<T>(T metrics) where T : IPixelMetricAccumulator
    {
        metrics.Update(MapA, MaskA, 4);
        metrics.Update(MapB, MaskB, 3);
        return metrics;
    }

    [Fact]
    public void Aupro_at_0_3_interpolates_at_the_limit()
    {
        // 1/12 from FPR 0..1/6 at PRO 1/2, then 1/6..0.3 on the slope-2 segment ending at 23/30: 19/225. Sum / 0.3.
        var result = Fill(new ExactPixelMetrics(0.3)).Compute();
        Assert.Equal(151.0 / 900 / 0.3, result.Aupro, 1e-12);
        Assert.Equal(3, result.Regions);
        Assert.Equal(6, result.NormalPixels);
        Assert.Equal(5, result.AnomalousPixels);
    }

    [Fact]
    public void Aupro_over_the_full_range() => Assert.Equal(55.0 / 72, Fill(new ExactPixelMetrics(1.0)).Compute().Aupro, 1e-12);

    [Fact]
    public void Pixel_auroc_counts_the_ties_as_half()
    {
        // Positives 0.9, 0.8, 0.5, 0.5, 0.1 against normals 0.3 0.1 0.2 0.4 0.6 0.5: U = 6 + 6 + 4.5 + 4.5 + 0.5.
        Assert.Equal(21.5 / 30, Fill(new ExactPixelMetrics()).Compute().Auroc, 1e-12);
    }

    [Fact]
    public void Pro_curve_stops_at_the_interpolated_limit()
    {
        var curve = Fill(new ExactPixelMetrics(0.3)).ComputeProCurve();
        Assert.Equal([0, 0, 0, 1.0 / 6, 0.3], curve.Fpr, new ToleranceComparer(1e-12));
        Assert.Equal([0, 1.0 / 6, 0.5, 0.5, 23.0 / 30], curve.Pro, new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Saturated_spro_with_loco_region_masks()
    {
        // Type 1: relative 0.5 → r1 and r3 saturate after 1 pixel; type 2: 5 px capped at r2's area 1.
        // sPRO points: (0,1/3) (0,2/3) (1/6,2/3) (1/3,1); AUsPRO@0.3 = (1/9 + 8/75) / 0.3.
        var defects = DefectsConfig.Parse("""
            [{"defect_name": "missing", "pixel_value": 1, "saturation_threshold": 0.5, "relative_saturation": true},
             {"defect_name": "extra", "pixel_value": 2, "saturation_threshold": 5, "relative_saturation": false}]
            """);
        foreach (var metrics in new IPixelMetricAccumulator[] { new ExactPixelMetrics(0.3), new BinnedPixelMetrics(0, 1, 1000, 0.3) })
        {
            metrics.Update(MapA, 4, [[1, 1, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 2]], defects);
            metrics.Update(MapB, 3, [[0, 1, 1], [0, 0, 0]], defects);
            var result = metrics.Compute();
            Assert.Equal(49.0 / 225 / 0.3, result.Aupro, 1e-9);
            Assert.Equal(21.5 / 30, result.Auroc, 1e-9);
        }
    }

    [Fact]
    public void Overlapping_loco_regions_count_a_pixel_once_for_auroc_and_per_region_for_spro()
    {
        var defects = DefectsConfig.Parse("""[{"defect_name": "d", "pixel_value": 7, "saturation_threshold": 1.0, "relative_saturation": true}]""");
        var metrics = new ExactPixelMetrics(1.0);
        // Regions {0,1} and {1,2} overlap at pixel 1; pixel 3 is normal.
        metrics.Update([0.9f, 0.8f, 0.7f, 0.1f], 4, [[7, 7, 0, 0], [0, 7, 7, 0]], defects);
        var result = metrics.Compute();
        Assert.Equal(3, result.AnomalousPixels);
        Assert.Equal(2, result.Regions);
        Assert.Equal(1.0, result.Auroc);
        // All region pixels score above the normal one: PRO reaches 1 at FPR 0.
        Assert.Equal(1.0, result.Aupro, 1e-12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
