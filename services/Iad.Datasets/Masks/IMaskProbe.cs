namespace Iad.Datasets.Masks;

/// <summary>
/// Answers whether a mask file marks any defect pixel, for layouts whose image label exists only as mask content
/// (KolektorSDD). Implementations read only what they need and allocate no full image.
/// </summary>
public interface IMaskProbe
{
    /// <summary>True when any pixel of the mask is greater than <paramref name="threshold"/> (8-bit scale).</summary>
    /// <param name="mask">Readable stream positioned at the start of the file.</param>
    /// <param name="path">Root-relative path, for error messages.</param>
    /// <param name="threshold">Background upper bound, usually 0.</param>
    /// <exception cref="Errors.DatasetFormatException">The file is not a mask this probe understands.</exception>
    bool HasForeground(Stream mask, string path, int threshold);
}
