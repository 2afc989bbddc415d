using Iad.Methods;
using Iad.Methods.PatchCore;
using Iad.Onnx.Models;

namespace Iad.Bench.Detection;

/// <summary>
/// A compiled PatchCore detector at 256×256 (built-in backbone, bank fitted on a few smooth random textures): the
/// realistic serving row, whose per-image compute is tens of milliseconds instead of the conv detector's one or two.
/// </summary>
internal static class PatchCoreServingDetector
{
    public const int Size = 256;

    private const int TrainImages = 8;

    /// <summary>Fits and compiles the detector; returns the ONNX bytes and the bank rows.</summary>
    public static (byte[] Model, long BankRows) Create()
    {
        var random = new Random(3);
        var imageLength = 3 * Size * Size;
        var train = new float[TrainImages * imageLength];
        for (var i = 0; i < train.Length; i++) train[i] = 0.5f + 0.2f * MathF.Sin(i * 0.01f) + 0.1f * random.NextSingle();
        var options = new FitOptions { InputHeight = Size, InputWidth = Size };
        using var model = (PatchCoreModel)new PatchCoreMethod().Fit([new ImageBatch(train, TrainImages)], options);
        return (OnnxModelFile.ToBytes(model.Compile(new DetectorCompileOptions(new string('0', 64)))), model.StateRows);
    }
}
