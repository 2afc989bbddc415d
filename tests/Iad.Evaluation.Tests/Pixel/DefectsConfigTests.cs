using Iad.Evaluation.Pixel;

namespace Iad.Evaluation.Tests.Pixel;

public class DefectsConfigTests
{
    private const string Loco = """
        [
          {"defect_name": "missing_connector", "pixel_value": 255, "saturation_threshold": 1.0, "relative_saturation": true},
          {"defect_name": "extra_cable", "pixel_value": 250, "saturation_threshold": 2000, "relative_saturation": false}
        ]
        """;

    [Fact]
    public void Parses_the_loco_format_and_computes_saturation_areas()
    {
        var config = DefectsConfig.Parse(Loco);
        Assert.Equal(["extra_cable", "missing_connector"], config.Types.Select(t => t.Name));
        Assert.Equal(300, config.ByPixelValue(255).SaturationArea(300));
        Assert.Equal(2000, config.ByPixelValue(250).SaturationArea(5000));
        Assert.Equal(700, config.ByPixelValue(250).SaturationArea(700));
    }

    [Fact]
    public void Malformed_configs_are_rejected_with_the_reason()
    {
        Assert.Contains("no 'pixel_value'", Assert.Throws<FormatException>(() => DefectsConfig.Parse("""[{"defect_name": "a", "saturation_threshold": 1, "relative_saturation": true}]""")).Message);
        Assert.Throws<FormatException>(() => DefectsConfig.Parse("{}"));
        Assert.Throws<FormatException>(() => DefectsConfig.Parse("[{"));
        Assert.Contains("share pixel value 3", Assert.Throws<ArgumentException>(() => DefectsConfig.Parse("""
            [{"defect_name": "a", "pixel_value": 3, "saturation_threshold": 1, "relative_saturation": true},
             {"defect_name": "b", "pixel_value": 3, "saturation_threshold": 1, "relative_saturation": true}]
            """)).Message);
        Assert.Throws<ArgumentException>(() => DefectsConfig.Parse("""[{"defect_name": "a", "pixel_value": 3, "saturation_threshold": 0, "relative_saturation": true}]"""));
    }
}
