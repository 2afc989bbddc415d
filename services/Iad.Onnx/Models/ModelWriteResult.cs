namespace Iad.Onnx.Models;

/// <summary>What <see cref="OnnxModelFile.Write"/> produced.</summary>
/// <param name="ModelPath">Absolute path of the model file.</param>
/// <param name="ExternalDataPath">Absolute path of the side file, or null when all data is inline.</param>
/// <param name="ExternalTensorCount">Number of initializers whose data went to the side file.</param>
public sealed record ModelWriteResult(string ModelPath, string? ExternalDataPath, int ExternalTensorCount);
