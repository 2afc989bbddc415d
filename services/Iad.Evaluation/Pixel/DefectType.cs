namespace Iad.Evaluation.Pixel;

/// <summary>
/// One entry of an MVTec LOCO <c>defects_config.json</c>: the defect type whose ground-truth masks carry
/// <paramref name="PixelValue"/>, and its sPRO saturation threshold.
/// </summary>
/// <param name="Name">The <c>defect_name</c>.</param>
/// <param name="PixelValue">The <c>pixel_value</c> of this type in ground-truth masks (1..255).</param>
/// <param name="SaturationThreshold">The <c>saturation_threshold</c>: a share of the region area when relative, else pixels.</param>
/// <param name="RelativeSaturation">The <c>relative_saturation</c> flag.</param>
public sealed record DefectType(string Name, int PixelValue, double SaturationThreshold, bool RelativeSaturation)
{
    /// <summary>
    /// Saturation area s of a region of <paramref name="regionArea"/> pixels: threshold × area when relative, else the
    /// threshold in pixels; capped at the region area (a region cannot need more pixels than it has).
    /// </summary>
    public double SaturationArea(int regionArea)
    {
        var s = RelativeSaturation ? SaturationThreshold * regionArea : SaturationThreshold;
        return Math.Min(s, regionArea);
    }
}
