using Iad.Methods.Components.AnomalyMaps;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Onnx.Graph;

namespace Iad.Methods.PatchCore;

/// <summary>
/// PatchCore's anomaly map (anomalib <c>patchcore/anomaly_map.py</c>): the patch scores s_p = min_m ‖f_p − m‖ on the
/// layer2 grid, bilinearly upsampled to the input size and blurred with σ = 4 (see <see cref="AnomalyMapGenerator"/>).
/// </summary>
internal static class PatchCoreAnomalyMap
{
    public static AnomalyMapGenerator Create(EmbeddingShape shape, int height, int width, float sigma) =>
        new(shape.Height, shape.Width, height, width, sigma);

    /// <summary>Graph part: patch distances [N·P, 1] → <c>anomaly_map</c> [N, 1, H, W].</summary>
    public static string AddTo(GraphBuilder b, AnomalyMapGenerator generator, string patchDistances, string output) =>
        generator.AddTo(b, b.Reshape(patchDistances, [-1, 1, generator.GridHeight, generator.GridWidth]), output);
}
