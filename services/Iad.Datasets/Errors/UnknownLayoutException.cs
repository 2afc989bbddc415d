namespace Iad.Datasets.Errors;

/// <summary>
/// No registered layout has the requested name, or none recognises the folder. <see cref="DatasetException.Path"/>
/// is the dataset root (or the layout name when no root is involved).
/// </summary>
public sealed class UnknownLayoutException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">Dataset root, or the requested layout name.</param>
    /// <param name="detail">What was asked and which layouts exist.</param>
    public UnknownLayoutException(string path, string detail)
        : base(path, $"Unknown dataset layout for '{path}': {detail}.")
    {
    }
}
