using System.Globalization;
using Iad.Detection.Service.Models;
using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Detection.Service.Tests.Support;

/// <summary>
/// Tiny detectors with the detector contract: anomaly_map = per-pixel channel mean + offset, score = mean of the whole
/// image + offset. The offset tells versions apart in hot-reload tests.
/// </summary>
internal static class TestDetectors
{
    public const int Size = 32;

    public static byte[] Create(float offset = 0f, double? threshold = null, long? bankBytes = null, int size = Size)
    {
        var b = new GraphBuilder("tiny");
        var image = b.AddInput(DetectorContract.ImageInput, DataType.Float, "batch", 3, size, size);
        var shift = b.FloatScalar(offset);
        var map = b.ReduceMean(image, [1], keepDims: true);
        b.Add(map, shift, output: DetectorContract.AnomalyMapOutput);
        var mean = b.ReduceMean(image, [1, 2, 3], keepDims: false);
        b.Add(mean, shift, output: DetectorContract.ScoreOutput);
        b.AddOutput(DetectorContract.ScoreOutput, DataType.Float, "batch");
        b.AddOutput(DetectorContract.AnomalyMapOutput, DataType.Float, "batch", 1, size, size);
        new DetectorMetadata("channel_mean", "none", size, size, new string('a', 64), "identity", "0.1.0").WriteTo(b.Model);
        if (threshold is { } t) b.SetMetadata(ServedMetadataKeys.Threshold, t.ToString(CultureInfo.InvariantCulture));
        if (bankBytes is { } bytes)
        {
            b.SetMetadata(ServedMetadataKeys.BankBytes, bytes.ToString(CultureInfo.InvariantCulture));
            b.SetMetadata(ServedMetadataKeys.BankRows, (bytes / 4).ToString(CultureInfo.InvariantCulture));
        }
        return OnnxModelFile.ToBytes(b.Model);
    }

    /// <summary>A valid ONNX model that breaks the detector contract (no anomaly_map output).</summary>
    public static byte[] WithoutMap()
    {
        var b = new GraphBuilder("broken");
        var image = b.AddInput(DetectorContract.ImageInput, DataType.Float, "batch", 3, Size, Size);
        b.ReduceMean(image, [1, 2, 3], keepDims: false, output: DetectorContract.ScoreOutput);
        b.AddOutput(DetectorContract.ScoreOutput, DataType.Float, "batch");
        new DetectorMetadata("channel_mean", "none", Size, Size, new string('a', 64), "identity", "0.1.0").WriteTo(b.Model);
        return OnnxModelFile.ToBytes(b.Model);
    }
}
