namespace Iad.Datasets.Model;

/// <summary>
/// One entry of MVTec LOCO AD's <c>defects_config.json</c>: which pixel value a region of this defect carries in the
/// mask files, and its sPRO saturation.
/// </summary>
/// <remarks>
/// Saturation area of a region = <see cref="SaturationThreshold"/> × region area when <see cref="RelativeSaturation"/>,
/// otherwise <see cref="SaturationThreshold"/> pixels (at full ground-truth resolution); clipped to [1, region area].
/// </remarks>
/// <param name="Name">Defect name, e.g. <c>missing_almonds</c>.</param>
/// <param name="PixelValue">Value of this defect's non-zero pixels in the mask files.</param>
/// <param name="SaturationThreshold">Fraction of the region (relative) or pixel count (absolute).</param>
/// <param name="RelativeSaturation">Whether <see cref="SaturationThreshold"/> is a fraction of the region area.</param>
public sealed record DefectClass(string Name, int PixelValue, double SaturationThreshold, bool RelativeSaturation);
