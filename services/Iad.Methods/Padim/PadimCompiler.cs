using Iad.Methods.Components.FeatureExtraction;
using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Protobuf;

namespace Iad.Methods.Padim;

/// <summary>
/// Compiles a <see cref="PadimModel"/> into one ONNX detector: <see cref="EmbeddingGraph"/> (channel subset as a Gather)
/// → δ = x − μ [N, P, d] → MatMul(δ [N, P, 1, d], Σ⁻¹ [P, d, d]) → ReduceSum(· ⊙ δ) → √max(·, 0) → map
/// (<see cref="PadimAnomalyMap"/>) → score = ReduceMax over the map. μ and Σ⁻¹ are initializers.
/// </summary>
internal static class PadimCompiler
{
    public static ModelProto Compile(PadimModel model, DetectorCompileOptions options)
    {
        var (onnx, shape) = EmbeddingGraph.Build(model.BackboneModel, model.Spec, model.InputHeight, model.InputWidth);
        onnx.Graph.Output.Clear();
        var b = new GraphBuilder(onnx);
        var d = shape.Channels;
        var mean = b.AddInitializer("padim_mean", model.Mean, shape.Patches, d);
        var inverse = b.AddInitializer("padim_inverse_covariance", model.InverseCovariance, shape.Patches, d, d);
        var delta = b.Unsqueeze(b.Sub(EmbeddingGraph.OutputName, mean), [2]);
        var squared = b.ReduceSum(b.Mul(b.MatMul(delta, inverse), delta), [-1], keepDims: false);
        var distances = b.Sqrt(b.Clip(squared, 0f, null));
        var generator = PadimAnomalyMap.Create(shape, model.InputHeight, model.InputWidth, model.Options.BlurSigma);
        var map = PadimAnomalyMap.AddTo(b, generator, distances, DetectorContract.AnomalyMapOutput);
        b.ReduceMax(map, [1, 2, 3], keepDims: false, output: DetectorContract.ScoreOutput);
        b.AddOutput(DetectorContract.ScoreOutput, TensorProto.Types.DataType.Float, "batch");
        b.AddOutput(DetectorContract.AnomalyMapOutput, TensorProto.Types.DataType.Float, "batch", 1, model.InputHeight, model.InputWidth);
        new DetectorMetadata(model.Method, model.Backbone, model.InputHeight, model.InputWidth, options.ManifestSha256,
            model.Normalisation.ToJson(), options.ResolvedVersion).WriteTo(onnx);
        return onnx;
    }
}
