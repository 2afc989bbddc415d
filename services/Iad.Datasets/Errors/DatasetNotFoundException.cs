namespace Iad.Datasets.Errors;

/// <summary>A dataset root (or a folder a layout requires) does not exist or is not a directory.</summary>
public sealed class DatasetNotFoundException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The missing folder.</param>
    public DatasetNotFoundException(string path)
        : base(path, $"Dataset folder '{path}' does not exist or is not a directory.")
    {
    }
}
