namespace Iad.Reports.Model;

/// <summary>
/// One test image with its anomaly map, to be drawn as an overlay tile.
/// </summary>
/// <param name="Width">Image width W, pixels (≥ 1).</param>
/// <param name="Height">Image height H, pixels (≥ 1).</param>
/// <param name="Rgb">Interleaved RGB bytes, row-major, length H·W·3.</param>
/// <param name="AnomalyMap">Anomaly map, row-major, length H·W; any finite range (normalised per method for display).</param>
/// <param name="Mask">Optional ground-truth mask, row-major, length H·W; non-zero marks a defect pixel.</param>
/// <param name="IsAnomalous">Ground-truth image label.</param>
/// <param name="Score">Image anomaly score.</param>
/// <param name="Threshold">Decision threshold: the image is flagged when <c>Score ≥ Threshold</c>.</param>
/// <param name="Caption">Short caption, e.g. the file name; long captions are cut to the tile width.</param>
public sealed record OverlaySample(
    int Width,
    int Height,
    byte[] Rgb,
    float[] AnomalyMap,
    byte[]? Mask,
    bool IsAnomalous,
    double Score,
    double Threshold,
    string Caption);
