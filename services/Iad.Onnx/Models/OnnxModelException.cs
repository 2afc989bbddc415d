namespace Iad.Onnx.Models;

/// <summary>
/// An ONNX model file cannot be read or written: unreadable protobuf, missing or truncated external data,
/// an external-data location that escapes the model's folder. The message names the file and the numbers involved.
/// </summary>
public sealed class OnnxModelException : Exception
{
    public OnnxModelException(string message) : base(message)
    {
    }

    public OnnxModelException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
