using Iad.Evaluation.Pixel;

namespace Iad.Evaluation.Tests.Pixel;

public class PixelEdgeCaseTests
{
    public static TheoryData<string> Modes => ["exact", "binned"];

    private static IPixelMetricAccumulator Create(string mode) =>
        mode == "exact" ? new ExactPixelMetrics() : new BinnedPixelMetrics(0, 1);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Empty_masks_leave_pro_undefined(string mode)
    {
        var metrics = Create(mode);
        metrics.Update([0.1f, 0.2f, 0.3f, 0.4f], [0, 0, 0, 0], 2);
        var e = Assert.Throws<UndefinedMetricException>(metrics.Compute);
        Assert.Contains("0 anomalous and 4 normal", e.Message);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void All_anomalous_pixels_leave_the_fpr_undefined(string mode)
    {
        var metrics = Create(mode);
        metrics.Update([0.1f, 0.2f], [255, 255], 2);
        Assert.Throws<UndefinedMetricException>(metrics.Compute);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Constant_maps_give_auroc_one_half(string mode)
    {
        var metrics = Create(mode);
        metrics.Update([0.5f, 0.5f, 0.5f, 0.5f], [0, 255, 0, 0], 2);
        Assert.Equal(0.5, metrics.Compute().Auroc);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Nan_names_the_pixel(string mode)
    {
        var e = Assert.Throws<ArgumentException>(() => Create(mode).Update([0.1f, 0.2f, 0.3f, float.NaN, 0.5f, 0.6f], [0, 0, 0, 255, 0, 0], 3));
        Assert.Contains("index 3 (row 1, column 0)", e.Message);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Shape_mismatches_are_rejected(string mode)
    {
        Assert.Throws<ArgumentException>(() => Create(mode).Update([0.1f, 0.2f], [0, 0, 0], 1));
        Assert.Throws<ArgumentException>(() => Create(mode).Update([0.1f, 0.2f, 0.3f], [0, 0, 0], 2));
    }

    [Fact]
    public void Loco_masks_with_mixed_or_unknown_values_are_rejected()
    {
        var defects = DefectsConfig.Parse("""[{"defect_name": "d", "pixel_value": 1, "saturation_threshold": 10, "relative_saturation": false}]""");
        var metrics = new ExactPixelMetrics();
        Assert.Contains("mixes pixel values 1 and 2", Assert.Throws<ArgumentException>(() => metrics.Update([0.1f, 0.2f], 2, [[1, 2]], defects)).Message);
        Assert.Contains("pixel value 3", Assert.Throws<ArgumentException>(() => metrics.Update([0.1f, 0.2f], 2, [[3, 0]], defects)).Message);
    }
}
