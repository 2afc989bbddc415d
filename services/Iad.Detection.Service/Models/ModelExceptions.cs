namespace Iad.Detection.Service.Models;

/// <summary>No loaded model answers to the requested id (NOT_FOUND).</summary>
public sealed class ModelNotLoadedException(string message) : Exception(message);

/// <summary>A model file failed verification: SHA-256 or size differ from the registry record (DATA_LOSS); nothing was cached.</summary>
public sealed class ModelIntegrityException(string message) : Exception(message);

/// <summary>The model cannot be obtained or opened as asked: no registry configured, file ids disabled, or a file that is not a valid detector (FAILED_PRECONDITION).</summary>
public sealed class ModelSourceException : Exception
{
    public ModelSourceException(string message) : base(message)
    {
    }

    public ModelSourceException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
