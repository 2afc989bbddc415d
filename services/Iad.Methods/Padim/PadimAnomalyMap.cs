using Iad.Methods.Components.AnomalyMaps;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Onnx.Graph;

namespace Iad.Methods.Padim;

/// <summary>
/// PaDiM's anomaly map (anomalib <c>padim/anomaly_map.py</c>): the Mahalanobis distances
/// M_p = √((x_p − μ_p)ᵀ Σ_p⁻¹ (x_p − μ_p)) on the layer2 grid, bilinearly upsampled and blurred with σ = 4
/// (<see cref="AnomalyMapGenerator"/>); the image score is the map's maximum.
/// </summary>
internal static class PadimAnomalyMap
{
    public static AnomalyMapGenerator Create(EmbeddingShape shape, int height, int width, float sigma) =>
        new(shape.Height, shape.Width, height, width, sigma);

    /// <summary>Graph part: distances [N, P, 1] → <c>anomaly_map</c> [N, 1, H, W].</summary>
    public static string AddTo(GraphBuilder b, AnomalyMapGenerator generator, string distances, string output) =>
        generator.AddTo(b, b.Reshape(distances, [-1, 1, generator.GridHeight, generator.GridWidth]), output);
}
