namespace Iad.Imaging.Decoding;

/// <summary>Container formats recognised from their leading bytes.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Bmp,
    Tiff,
}
