namespace Iad.Datasets.Errors;

/// <summary>
/// A dataset's own metadata (split CSV, split JSON, <c>Labels.txt</c>, <c>defects_config.json</c>, a file name that
/// must follow a pattern, a mask file header) cannot be parsed.
/// </summary>
public sealed class DatasetFormatException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The malformed file.</param>
    /// <param name="detail">What is wrong, with the line number or value where known.</param>
    /// <param name="inner">The parser's own exception, if any.</param>
    public DatasetFormatException(string path, string detail, Exception? inner = null)
        : base(path, $"Malformed dataset file '{path}': {detail}.", inner)
    {
    }
}
