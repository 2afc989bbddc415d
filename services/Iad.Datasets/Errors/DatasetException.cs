namespace Iad.Datasets.Errors;

/// <summary>
/// Base of every failure raised while locating or scanning a dataset. <see cref="Path"/> is the file or folder the
/// failure is about (as the caller or the dataset named it), so services can report it without parsing the message.
/// </summary>
public abstract class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The offending file or folder.</param>
    /// <param name="message">Human-readable message; it already contains <paramref name="path"/>.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    protected DatasetException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The offending file or folder.</summary>
    public string Path { get; }
}
