namespace Iad.Datasets.Errors;

/// <summary>A requested dataset root is not inside any of the roots the server is configured to serve.</summary>
public sealed class RootNotAllowedException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The requested root, as given.</param>
    /// <param name="reason">Why it was refused (names the allowed roots).</param>
    public RootNotAllowedException(string path, string reason)
        : base(path, $"Dataset root '{path}' is not allowed: {reason}.")
    {
    }
}
