namespace Iad.Datasets.Errors;

/// <summary>
/// An anomalous image has no ground-truth mask although its layout guarantees one. <see cref="DatasetException.Path"/>
/// is the image; <see cref="ExpectedMask"/> is where the mask was looked for.
/// </summary>
public sealed class MissingMaskException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="imagePath">Root-relative path of the image without a mask.</param>
    /// <param name="expectedMask">Root-relative path (or pattern) where the mask was expected.</param>
    public MissingMaskException(string imagePath, string expectedMask)
        : base(imagePath, $"Anomalous image '{imagePath}' has no mask; expected '{expectedMask}'.")
    {
        ExpectedMask = expectedMask;
    }

    /// <summary>Root-relative path (or pattern) where the mask was expected.</summary>
    public string ExpectedMask { get; }
}
