namespace Iad.Datasets.Errors;

/// <summary>
/// A path would leave the dataset root: it is absolute, has a <c>..</c> segment, or a symbolic link on the way
/// resolves outside the root.
/// </summary>
public sealed class PathEscapeException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The offending path, as given.</param>
    /// <param name="root">The real path of the root it must stay inside.</param>
    /// <param name="reason">Why it was refused.</param>
    public PathEscapeException(string path, string root, string reason)
        : base(path, $"Path '{path}' escapes dataset root '{root}': {reason}.")
    {
        Root = root;
    }

    /// <summary>The real path of the root the path had to stay inside.</summary>
    public string Root { get; }
}
