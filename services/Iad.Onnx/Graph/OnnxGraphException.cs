namespace Iad.Onnx.Graph;

/// <summary>
/// A graph operation cannot be carried out: an unknown or duplicate tensor name, a shape that does not match its data,
/// or a graph that ONNX Runtime refuses. The message names the offending tensors and numbers.
/// </summary>
public sealed class OnnxGraphException : Exception
{
    public OnnxGraphException(string message) : base(message)
    {
    }

    public OnnxGraphException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
