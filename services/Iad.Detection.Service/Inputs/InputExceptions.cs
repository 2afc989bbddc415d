namespace Iad.Detection.Service.Inputs;

/// <summary>An image cannot be used as model input: corrupt bytes, wrong shape, dtype or length, non-finite values (INVALID_ARGUMENT).</summary>
public sealed class InvalidImageException : ArgumentException
{
    public InvalidImageException(string message) : base(message)
    {
    }

    public InvalidImageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>An encoded image declares more pixels than the configured limit; nothing was decoded (RESOURCE_EXHAUSTED).</summary>
public sealed class ImageTooLargeException(string message, Exception innerException) : Exception(message, innerException);
