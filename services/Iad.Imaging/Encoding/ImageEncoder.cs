using Iad.Imaging.Images;
using OpenCvSharp;

namespace Iad.Imaging.Encoding;

/// <summary>
/// Encodes images and masks for writing datasets and overlays. Output is deterministic for equal input.
/// PNG uses zlib level 1 with the run-length strategy.
/// </summary>
public static class ImageEncoder
{
    /// <summary>zlib level used for PNG: 1 favours speed, as datasets are written far more often than archived.</summary>
    public const int PngCompressionLevel = 1;

    // Setting a level alone switches OpenCV to zlib's default strategy, about 2.5× slower on noisy 256² images than
    // run-length matching for a few per cent smaller files; keep RLE explicitly.
    private static readonly ImageEncodingParam[] PngParameters =
    [
        new(ImwriteFlags.PngCompression, PngCompressionLevel),
        new(ImwriteFlags.PngStrategy, (int)ImwritePNGFlags.StrategyRLE),
    ];

    /// <summary>8-bit 3-channel RGB PNG.</summary>
    public static byte[] EncodePng(RgbImage image)
    {
        using var rgb = MatViews.View(image);
        using var bgr = new Mat();
        Cv2.CvtColor(rgb, bgr, ColorConversionCodes.RGB2BGR);
        return Encode(".png", bgr, PngParameters);
    }

    /// <summary>8-bit single-channel PNG with 0 for normal and 255 for anomalous pixels (MVTec AD convention).</summary>
    public static byte[] EncodePng(BinaryMask mask)
    {
        using var ones = MatViews.View(mask);
        using var scaled = new Mat();
        ones.ConvertTo(scaled, MatType.CV_8U, 255);
        return Encode(".png", scaled, PngParameters);
    }

    /// <summary>Baseline JPEG of an RGB image at <paramref name="quality"/> (1..100).</summary>
    public static byte[] EncodeJpeg(RgbImage image, int quality = 95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        using var rgb = MatViews.View(image);
        using var bgr = new Mat();
        Cv2.CvtColor(rgb, bgr, ColorConversionCodes.RGB2BGR);
        return Encode(".jpg", bgr, [new ImageEncodingParam(ImwriteFlags.JpegQuality, quality)]);
    }

    private static byte[] Encode(string extension, Mat mat, ImageEncodingParam[] parameters)
    {
        Cv2.ImEncode(extension, mat, out var bytes, parameters);
        return bytes;
    }
}
