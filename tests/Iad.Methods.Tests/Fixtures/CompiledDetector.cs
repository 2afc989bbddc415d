using Iad.Onnx.Models;
using Iad.Onnx.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Methods.Tests.Fixtures;

/// <summary>Runs a compiled detector in a bare ONNX Runtime session, as any consumer would.</summary>
public static class CompiledDetector
{
    public static (float[] Scores, float[] Maps) Run(ModelProto model, float[] images, int count, int size)
    {
        using var session = new InferenceSession(OnnxModelFile.ToBytes(model));
        return Run(session, images, count, size);
    }

    public static (float[] Scores, float[] Maps) Run(InferenceSession session, float[] images, int count, int size)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(images.AsMemory(0, count * 3 * size * size).ToArray(), [count, 3, size, size]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["image"], [input], ["score", "anomaly_map"]);
        Assert.Equal([count], results[0].GetTensorTypeAndShape().Shape);
        Assert.Equal([count, 1, size, size], results[1].GetTensorTypeAndShape().Shape);
        return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray());
    }

    /// <summary>Asserts max |a − b| ≤ 1e-4 · scale, with scale the largest |score|.</summary>
    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float scale)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0f;
        for (var i = 0; i < expected.Length; i++) worst = MathF.Max(worst, MathF.Abs(expected[i] - actual[i]));
        Assert.True(worst <= 1e-4f * scale, $"max |difference| {worst} exceeds 1e-4 × score scale {scale}");
    }
}
