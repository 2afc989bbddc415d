using OpenCvSharp;

namespace Iad.Imaging.Images;

/// <summary>
/// Zero-copy OpenCV views over managed buffers. The returned <see cref="Mat"/> pins the array until disposed,
/// so OpenCV writes straight into the image's own buffer when the destination size and type already match.
/// </summary>
internal static class MatViews
{
    public static Mat View(RgbImage image) => Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC3, image.Pixels);

    public static Mat View(BinaryMask mask) => Mat.FromPixelData(mask.Height, mask.Width, MatType.CV_8UC1, mask.Pixels);
}
