using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Bench.Detection;

/// <summary>
/// A small convolutional detector at 256×256 for serving benchmarks: two 3×3 convolutions (3→16→1 channels, ReLU
/// between, ≈ 40 MFLOP per image), the map is the second convolution's output and the score its maximum.
/// </summary>
internal static class ServingDetector
{
    public const int Size = 256;

    public static byte[] Create()
    {
        var random = new Random(7);
        float[] Weights(int count) => [.. Enumerable.Range(0, count).Select(_ => (random.NextSingle() - 0.5f) * 0.2f)];
        var b = new GraphBuilder("serving");
        var image = b.AddInput(DetectorContract.ImageInput, DataType.Float, "batch", 3, Size, Size);
        var w1 = b.AddInitializer("w1", Weights(16 * 3 * 9), 16, 3, 3, 3);
        var w2 = b.AddInitializer("w2", Weights(16 * 9), 1, 16, 3, 3);
        var hidden = b.Relu(b.Conv(image, w1, pads: [1, 1, 1, 1]));
        var map = b.Conv(hidden, w2, pads: [1, 1, 1, 1]);
        b.Identity(map, DetectorContract.AnomalyMapOutput);
        b.ReduceMax(map, [1, 2, 3], keepDims: false, output: DetectorContract.ScoreOutput);
        b.AddOutput(DetectorContract.ScoreOutput, DataType.Float, "batch");
        b.AddOutput(DetectorContract.AnomalyMapOutput, DataType.Float, "batch", 1, Size, Size);
        new DetectorMetadata("bench_conv", "none", Size, Size, new string('0', 64), "identity", "0.1.0").WriteTo(b.Model);
        return OnnxModelFile.ToBytes(b.Model);
    }
}
