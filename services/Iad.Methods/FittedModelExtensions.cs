using Iad.Onnx.Models;

namespace Iad.Methods;

/// <summary>Serialising compiled detectors.</summary>
public static class FittedModelExtensions
{
    /// <summary>The detector as ONNX bytes (models under 2 GiB).</summary>
    public static byte[] CompileToBytes(this IFittedModel model, DetectorCompileOptions options) =>
        OnnxModelFile.ToBytes(model.Compile(options));

    /// <summary>Writes the detector atomically; initializers go to a side file beyond <paramref name="externalData"/>'s threshold.</summary>
    public static ModelWriteResult CompileToFile(this IFittedModel model, string path, DetectorCompileOptions options, ExternalDataOptions? externalData = null) =>
        OnnxModelFile.Write(model.Compile(options), path, externalData);

    /// <summary>Scores a whole batch into new arrays: (scores [N], maps [N·H·W]).</summary>
    public static (float[] Scores, float[] Maps) Score(this IFittedModel model, ImageBatch batch)
    {
        batch.Validate(model.InputHeight, model.InputWidth);
        var scores = new float[batch.Count];
        var maps = new float[batch.Count * model.InputHeight * model.InputWidth];
        model.Score(batch.Pixels.Span, batch.Count, scores, maps);
        return (scores, maps);
    }
}
