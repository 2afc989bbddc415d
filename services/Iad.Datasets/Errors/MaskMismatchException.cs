namespace Iad.Datasets.Errors;

/// <summary>
/// Masks and images do not pair up: a mask has no image, one mask would serve two images, or the counts differ
/// where masks are paired by order.
/// </summary>
public sealed class MaskMismatchException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The mask (or mask folder) that does not pair.</param>
    /// <param name="reason">What is wrong, with the counts or the other path involved.</param>
    public MaskMismatchException(string path, string reason)
        : base(path, $"Mask '{path}' does not pair with the images: {reason}.")
    {
    }
}
