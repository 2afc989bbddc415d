namespace Iad.Evaluation.Pixel;

/// <summary>
/// Pixel metrics in update → compute → reset form. Maps are float32, row-major, H×W; a larger value means more
/// anomalous. Ground truth comes either as a binary mask (regions = its 8-connected components, PRO) or as a list of
/// MVTec LOCO region masks with defect types (each mask one region with a saturation area, sPRO).
/// </summary>
/// <remarks>
/// <see cref="Compute"/> throws <see cref="UndefinedMetricException"/> when there is no anomalous or no normal pixel
/// (pixel AUROC and AUPRO need both; with no region PRO is undefined). A NaN map value throws
/// <see cref="ArgumentException"/> naming the pixel.
/// </remarks>
public interface IPixelMetricAccumulator
{
    /// <summary>Exact or binned.</summary>
    PixelMetricMode Mode { get; }

    /// <summary>FPR integration limit of the PRO area (0.3 for MVTec AD AUPRO, 0.05 for LOCO AUsPRO).</summary>
    double FprLimit { get; }

    /// <summary>Pixels added since the last reset.</summary>
    long PixelCount { get; }

    /// <summary>Adds one map with its binary mask (nonzero = anomalous), both row-major with <paramref name="width"/> columns.</summary>
    void Update(ReadOnlySpan<float> map, ReadOnlySpan<byte> mask, int width);

    /// <summary>
    /// Adds one map with MVTec LOCO ground truth: each entry of <paramref name="regionMasks"/> is one region whose
    /// nonzero pixels all carry its defect type's pixel value; its saturation area comes from
    /// <paramref name="defects"/>. Regions may overlap; pixels outside every region are normal. Empty masks are skipped.
    /// </summary>
    void Update(ReadOnlySpan<float> map, int width, IReadOnlyList<byte[]> regionMasks, DefectsConfig defects);

    /// <summary>Evaluates all metrics over everything added since the last reset.</summary>
    PixelMetricsResult Compute();

    /// <summary>Forgets everything added (keeps buffers for reuse).</summary>
    void Reset();
}
