namespace Iad.Datasets.Errors;

/// <summary>A scan found no images at all.</summary>
public sealed class EmptyDatasetException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="root">Real path of the scanned root.</param>
    /// <param name="layout">Name of the layout that scanned it.</param>
    public EmptyDatasetException(string root, string layout)
        : base(root, $"Dataset '{root}' read as layout '{layout}' contains no images.")
    {
    }
}
