using System.Globalization;
using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Testing;

/// <summary>
/// A detector with the detector contract and no learned state: anomaly_map = per-pixel channel mean, score = mean of
/// the whole input image (bright images score high, dark ones low). Input float32 [batch, 3, 32, 32].
/// </summary>
public static class TinyDetector
{
    public const int Size = 32;

    /// <summary>The ONNX bytes; with <paramref name="threshold"/> the model carries <c>iad.threshold</c>.</summary>
    public static byte[] Create(double? threshold = null)
    {
        var b = new GraphBuilder("tiny");
        var image = b.AddInput(DetectorContract.ImageInput, DataType.Float, "batch", 3, Size, Size);
        b.ReduceMean(image, [1], keepDims: true, output: DetectorContract.AnomalyMapOutput);
        b.ReduceMean(image, [1, 2, 3], keepDims: false, output: DetectorContract.ScoreOutput);
        b.AddOutput(DetectorContract.ScoreOutput, DataType.Float, "batch");
        b.AddOutput(DetectorContract.AnomalyMapOutput, DataType.Float, "batch", 1, Size, Size);
        new DetectorMetadata("channel_mean", "none", Size, Size, new string('a', 64), "identity", "0.1.0").WriteTo(b.Model);
        if (threshold is { } t) b.SetMetadata("iad.threshold", t.ToString(CultureInfo.InvariantCulture));
        return OnnxModelFile.ToBytes(b.Model);
    }
}
