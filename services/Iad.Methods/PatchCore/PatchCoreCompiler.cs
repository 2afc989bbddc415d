using System.Numerics.Tensors;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Protobuf;

namespace Iad.Methods.PatchCore;

/// <summary>
/// Compiles a <see cref="PatchCoreModel"/> into one ONNX detector: <see cref="EmbeddingGraph"/> → E [N·P, C] →
/// Gemm(E, M, ‖m‖², α = −2, transB) = ‖m‖² − 2 E Mᵀ → TopK(k = 1, smallest) per row → + ‖e‖² → √max(·, 0) = patch scores
/// (the [N·P, rows] product lives only inside the runtime; only its row minima leave the Gemm–TopK pair). Image score:
/// TopK over patches gives s*, p*; GatherElements picks m_test* and m*'s index; Gather reads the precomputed int64
/// neighbour table and the bank rows; Softmax over the b distances gives the re-weighting. The map follows
/// <see cref="PatchCoreAnomalyMap"/>. Bank, its squared norms and the neighbour table are initializers.
/// </summary>
internal static class PatchCoreCompiler
{
    public static ModelProto Compile(PatchCoreModel model, DetectorCompileOptions options)
    {
        var (onnx, shape) = EmbeddingGraph.Build(model.BackboneModel, EmbeddingSpec.PatchCore, model.InputHeight, model.InputWidth);
        onnx.Graph.Output.Clear();
        var b = new GraphBuilder(onnx);
        var c = shape.Channels;
        var rows = (int)model.StateRows;
        var bank = b.AddInitializer("patchcore_memory_bank", model.Bank, rows, c);
        var norms = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = model.Bank.Slice(r * c, c);
            norms[r] = TensorPrimitives.Dot(row, row);
        }
        var bankNorms = b.AddInitializer("patchcore_memory_bank_sq_norms", norms, rows);

        var embedding = EmbeddingGraph.OutputName;
        var flat = b.Reshape(embedding, [-1, c]);
        var partial = b.Gemm(flat, bank, bankNorms, alpha: -2f, beta: 1f, transB: true);
        var (nearestPartial, nearestIndex) = b.TopK(partial, 1, axis: -1, largest: false);
        var squared = b.Add(nearestPartial, b.ReduceSum(b.Mul(flat, flat), [1], keepDims: true));
        var distances = b.Sqrt(b.Clip(squared, 0f, null));

        var generator = PatchCoreAnomalyMap.Create(shape, model.InputHeight, model.InputWidth, model.Options.BlurSigma);
        PatchCoreAnomalyMap.AddTo(b, generator, distances, DetectorContract.AnomalyMapOutput);

        var patchScores = b.Reshape(distances, [-1, shape.Patches]);
        var (sStar, pStar) = b.TopK(patchScores, 1, axis: 1, largest: true);
        if (model.NeighbourCount == 1)
        {
            b.Reshape(sStar, [-1], DetectorContract.ScoreOutput);
        }
        else
        {
            var k = model.NeighbourCount;
            var table = b.AddInitializer("patchcore_bank_neighbours", model.NeighbourTable, rows, k);
            var mStar = b.Op("GatherElements", [b.Reshape(nearestIndex, [-1, shape.Patches]), pStar], null, Attr.Int("axis", 1));
            var patchIndex = b.Op("Expand", [b.Unsqueeze(pStar, [2]), b.Int64Vector(1, 1, c)]);
            var testPatch = b.Op("GatherElements", [embedding, patchIndex], null, Attr.Int("axis", 1));
            var support = b.Gather(bank, b.Gather(table, mStar));
            var difference = b.Sub(support, b.Unsqueeze(testPatch, [2]));
            var supportDistances = b.Sqrt(b.ReduceSum(b.Mul(difference, difference), [-1], keepDims: false));
            var first = b.Slice(b.Softmax(supportDistances, -1), [0], [1], [2]);
            var weight = b.Sub(b.FloatScalar(1f), first);
            b.Reshape(b.Mul(weight, b.Reshape(sStar, [-1, 1, 1])), [-1], DetectorContract.ScoreOutput);
        }
        b.AddOutput(DetectorContract.ScoreOutput, TensorProto.Types.DataType.Float, "batch");
        b.AddOutput(DetectorContract.AnomalyMapOutput, TensorProto.Types.DataType.Float, "batch", 1, model.InputHeight, model.InputWidth);
        new DetectorMetadata(model.Method, model.Backbone, model.InputHeight, model.InputWidth, options.ManifestSha256,
            model.Normalisation.ToJson(), options.ResolvedVersion).WriteTo(onnx);
        return onnx;
    }
}
