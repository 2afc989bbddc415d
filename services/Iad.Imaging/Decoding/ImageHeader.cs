namespace Iad.Imaging.Decoding;

/// <summary>Format and dimensions as claimed by an image's header, read before any pixel is decoded.</summary>
public readonly record struct ImageHeader(ImageFormat Format, long Width, long Height)
{
    /// <summary><c>Width * Height</c>.</summary>
    public long PixelCount => Width * Height;
}
