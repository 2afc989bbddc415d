using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Protobuf;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Onnx.Tests.Detector;

/// <summary>
/// A minimal model with the detector contract: anomaly_map = channel mean of the image, score = max of the map.
/// </summary>
internal static class TinyDetector
{
    public static DetectorMetadata Metadata(int height, int width) =>
        new("channel_mean", "none", height, width, new string('a', 64), "identity", "0.1.0");

    public static ModelProto Create(int height, int width, bool withMetadata = true, int mapHeight = -1)
    {
        var b = new GraphBuilder("tiny");
        var image = b.AddInput(DetectorContract.ImageInput, DataType.Float, "batch", 3, height, width);
        var map = b.ReduceMean(image, [1], keepDims: true);
        if (mapHeight > 0) map = b.Resize(map, [1, 1, mapHeight, width], mode: "nearest", coordinateMode: "asymmetric");
        b.Identity(map, DetectorContract.AnomalyMapOutput);
        b.ReduceMax(map, [1, 2, 3], keepDims: false, output: DetectorContract.ScoreOutput);
        b.AddOutput(DetectorContract.ScoreOutput, DataType.Float, "batch");
        b.AddOutput(DetectorContract.AnomalyMapOutput, DataType.Float);
        if (withMetadata) Metadata(height, width).WriteTo(b.Model);
        return b.Model;
    }

    public static (float[] Scores, float[] Maps) Expected(float[] images, int batch, int height, int width)
    {
        var plane = height * width;
        var maps = new float[batch * plane];
        var scores = new float[batch];
        for (var n = 0; n < batch; n++)
        {
            scores[n] = float.NegativeInfinity;
            for (var i = 0; i < plane; i++)
            {
                var mean = (images[(n * 3) * plane + i] + images[(n * 3 + 1) * plane + i] + images[(n * 3 + 2) * plane + i]) / 3f;
                maps[n * plane + i] = mean;
                scores[n] = Math.Max(scores[n], mean);
            }
        }
        return (scores, maps);
    }
}
