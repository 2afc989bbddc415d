namespace Iad.Datasets.Errors;

/// <summary>A split file (CSV, JSON, label list) names an image that is not on disk.</summary>
public sealed class MissingImageException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="imagePath">Root-relative path of the missing image.</param>
    /// <param name="listedIn">Root-relative path of the file that lists it.</param>
    public MissingImageException(string imagePath, string listedIn)
        : base(imagePath, $"Image '{imagePath}' listed in '{listedIn}' does not exist.")
    {
        ListedIn = listedIn;
    }

    /// <summary>Root-relative path of the file that lists the missing image.</summary>
    public string ListedIn { get; }
}
