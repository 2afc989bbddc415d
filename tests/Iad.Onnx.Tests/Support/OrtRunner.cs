using Iad.Onnx.Models;
using Iad.Onnx.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Onnx.Tests.Support;

/// <summary>Runs a model once in ONNX Runtime (CPU) and returns every requested output as a flat array with its shape.</summary>
internal static class OrtRunner
{
    public sealed record Result(float[] Data, long[] Shape);

    public static Dictionary<string, Result> Run(ModelProto model, params (string Name, float[] Data, long[] Shape)[] inputs)
    {
        using var session = new InferenceSession(OnnxModelFile.ToBytes(model));
        return Run(session, inputs);
    }

    public static Dictionary<string, Result> Run(InferenceSession session, params (string Name, float[] Data, long[] Shape)[] inputs)
    {
        var values = inputs.Select(i => OrtValue.CreateTensorValueFromMemory(i.Data, i.Shape)).ToList();
        try
        {
            using var runOptions = new RunOptions();
            var outputNames = session.OutputNames.ToList();
            using var results = session.Run(runOptions, inputs.Select(i => i.Name).ToList(), values, outputNames);
            var map = new Dictionary<string, Result>();
            for (var i = 0; i < outputNames.Count; i++)
            {
                var shape = results[i].GetTensorTypeAndShape();
                var data = shape.ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64
                    ? results[i].GetTensorDataAsSpan<long>().ToArray().Select(v => (float)v).ToArray()
                    : results[i].GetTensorDataAsSpan<float>().ToArray();
                map[outputNames[i]] = new Result(data, shape.Shape);
            }
            return map;
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
    }
}
