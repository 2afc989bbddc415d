using Iad.Onnx.Graph;
using Iad.Onnx.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Onnx.Models;

/// <summary>Checks that ONNX Runtime accepts a model: it is parsed, type- and shape-checked and planned by creating a CPU session.</summary>
public static class OnnxModelValidator
{
    /// <summary>Validates an in-memory model (under 2 GiB, no external data).</summary>
    /// <exception cref="OnnxGraphException">ONNX Runtime refuses the model; its message is included.</exception>
    public static ModelSignature Validate(ModelProto model) => Open(options => new InferenceSession(OnnxModelFile.ToBytes(model), options));

    /// <summary>Validates a model file; external data is read from beside it.</summary>
    public static ModelSignature Validate(string modelPath) => Open(options => new InferenceSession(modelPath, options));

    private static ModelSignature Open(Func<SessionOptions, InferenceSession> create)
    {
        // Basic optimisation is enough to surface type and shape errors, without the cost of layout transforms.
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC, IntraOpNumThreads = 1 };
        try
        {
            using var session = create(options);
            return new ModelSignature(
                session.InputMetadata.ToDictionary(p => p.Key, p => p.Value.Dimensions),
                session.OutputMetadata.ToDictionary(p => p.Key, p => p.Value.Dimensions));
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxGraphException($"ONNX Runtime refuses the model: {e.Message}", e);
        }
    }
}
