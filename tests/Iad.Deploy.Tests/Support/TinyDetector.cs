using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Deploy.Tests.Support;

/// <summary>
/// A detector with the detector contract and almost no compute: anomaly_map = per-pixel channel mean,
/// score = mean of the whole image. Input float32 [batch, 3, 32, 32].
/// </summary>
internal static class TinyDetector
{
    public const int Size = 32;

    public static byte[] Create()
    {
        var b = new GraphBuilder("tiny");
        var image = b.AddInput(DetectorContract.ImageInput, DataType.Float, "batch", 3, Size, Size);
        b.ReduceMean(image, [1], keepDims: true, output: DetectorContract.AnomalyMapOutput);
        b.ReduceMean(image, [1, 2, 3], keepDims: false, output: DetectorContract.ScoreOutput);
        b.AddOutput(DetectorContract.ScoreOutput, DataType.Float, "batch");
        b.AddOutput(DetectorContract.AnomalyMapOutput, DataType.Float, "batch", 1, Size, Size);
        new DetectorMetadata("channel_mean", "none", Size, Size, new string('a', 64), "identity", "0.1.0").WriteTo(b.Model);
        return OnnxModelFile.ToBytes(b.Model);
    }
}
