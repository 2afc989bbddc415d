namespace Iad.Onnx.Models;

/// <summary>Inputs and outputs of a model as ONNX Runtime sees them; dimensions are −1 where symbolic.</summary>
public sealed record ModelSignature(
    IReadOnlyDictionary<string, int[]> Inputs,
    IReadOnlyDictionary<string, int[]> Outputs);
