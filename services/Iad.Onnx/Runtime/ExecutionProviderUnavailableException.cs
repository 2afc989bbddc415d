namespace Iad.Onnx.Runtime;

/// <summary>An explicitly requested execution provider (e.g. <c>cuda</c>) cannot be used; the message says why.</summary>
public sealed class ExecutionProviderUnavailableException : Exception
{
    public ExecutionProviderUnavailableException(string message) : base(message)
    {
    }

    public ExecutionProviderUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
