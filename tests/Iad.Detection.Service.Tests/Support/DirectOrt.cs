using Iad.Onnx.Detector;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Iad.Detection.Service.Tests.Support;

/// <summary>Runs a detector file with plain ONNX Runtime, as the reference the service must reproduce.</summary>
internal static class DirectOrt
{
    public static (float[] Scores, float[] Maps) Run(byte[] model, float[] images, int batch, int size = TestDetectors.Size)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var input = new DenseTensor<float>(images, [batch, 3, size, size]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(DetectorContract.ImageInput, input)]);
        var scores = results.First(r => r.Name == DetectorContract.ScoreOutput).AsTensor<float>().ToArray();
        var maps = results.First(r => r.Name == DetectorContract.AnomalyMapOutput).AsTensor<float>().ToArray();
        return (scores, maps);
    }
}
