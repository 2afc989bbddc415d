using Iad.Imaging.Images;
using OpenCvSharp;

namespace Iad.Imaging.Decoding;

/// <summary>
/// Decodes PNG, JPEG, BMP and TIFF bytes (8- or 16-bit; grey, grey+alpha, RGB or RGBA) after checking the header
/// against <see cref="DecodeOptions.MaxPixels"/>. Never returns a partial image: every failure is an
/// <see cref="ImageDecodeException"/>.
/// </summary>
public static class ImageDecoder
{
    /// <summary>
    /// Decodes to 8-bit RGB at the stored size. 16-bit samples are scaled by 255/65535 with rounding; grey is
    /// replicated to three channels; alpha is dropped (no compositing).
    /// </summary>
    /// <exception cref="ImageDecodeException">Empty, corrupt, truncated, unsupported or over the pixel limit.</exception>
    public static RgbImage DecodeRgb(ReadOnlySpan<byte> bytes, DecodeOptions? options = null)
    {
        using var decoded = DecodeRgbMat(bytes, options);
        var image = new RgbImage(decoded.Width, decoded.Height);
        using var view = MatViews.View(image);
        decoded.CopyTo(view);
        return image;
    }

    /// <summary>Decodes a mask at its stored size: a pixel is 1 when any channel of it is non-zero (any bit depth), else 0.</summary>
    /// <exception cref="ImageDecodeException">Empty, corrupt, truncated, unsupported or over the pixel limit.</exception>
    public static BinaryMask DecodeMask(ReadOnlySpan<byte> bytes, DecodeOptions? options = null)
    {
        using var raw = DecodeRaw(bytes, options);
        var mask = new BinaryMask(raw.Width, raw.Height);
        using var view = MatViews.View(mask);
        using var nonZero = new Mat();
        using (var flat = raw.Reshape(1))
        {
            Cv2.Compare(flat, 0, nonZero, CmpTypes.NE);
        }
        var channels = raw.Channels();
        using var perPixel = nonZero.Reshape(channels);
        if (channels == 1)
        {
            Cv2.Threshold(perPixel, view, 0, 1, ThresholdTypes.Binary);
            return mask;
        }
        var planes = Cv2.Split(perPixel);
        try
        {
            using var any = planes[0].Clone();
            for (var c = 1; c < planes.Length; c++) Cv2.BitwiseOr(any, planes[c], any);
            Cv2.Threshold(any, view, 0, 1, ThresholdTypes.Binary);
        }
        finally
        {
            foreach (var plane in planes) plane.Dispose();
        }
        return mask;
    }

    /// <summary>Decodes to an owned 8-bit 3-channel RGB <see cref="Mat"/> (for pipelines that resize before copying out).</summary>
    internal static Mat DecodeRgbMat(ReadOnlySpan<byte> bytes, DecodeOptions? options)
    {
        using var raw = DecodeRaw(bytes, options);
        using var eightBit = new Mat();
        var source = raw;
        if (raw.Depth() == MatType.CV_16U)
        {
            raw.ConvertTo(eightBit, MatType.CV_8U, 255.0 / 65535.0);
            source = eightBit;
        }
        else if (raw.Depth() != MatType.CV_8U)
        {
            throw new ImageDecodeException(ImageDecodeFailure.Unsupported, $"Sample type {raw.Type()} is not supported; expected 8- or 16-bit integers.");
        }
        var code = source.Channels() switch
        {
            1 => ColorConversionCodes.GRAY2RGB,
            3 => ColorConversionCodes.BGR2RGB,
            4 => ColorConversionCodes.BGRA2RGB,
            var n => throw new ImageDecodeException(ImageDecodeFailure.Unsupported, $"{n} channels are not supported; expected 1, 3 or 4."),
        };
        var rgb = new Mat();
        Cv2.CvtColor(source, rgb, code);
        return rgb;
    }

    private static Mat DecodeRaw(ReadOnlySpan<byte> bytes, DecodeOptions? options)
    {
        options ??= DecodeOptions.Default;
        var header = ImageHeaderReader.Read(bytes);
        if (header.PixelCount > options.MaxPixels)
        {
            throw new ImageDecodeException(ImageDecodeFailure.TooLarge,
                $"The {header.Format} header claims {header.Width}x{header.Height} = {header.PixelCount} pixels, over the limit of {options.MaxPixels}.");
        }
        CompletenessCheck.Verify(header, bytes);
        Mat decoded;
        try
        {
            decoded = Cv2.ImDecode(bytes, ImreadModes.Unchanged);
        }
        catch (OpenCVException e)
        {
            throw new ImageDecodeException(ImageDecodeFailure.Corrupt, $"Corrupt {header.Format} data: {e.Message}");
        }
        if (decoded.Empty())
        {
            decoded.Dispose();
            throw new ImageDecodeException(ImageDecodeFailure.Corrupt, $"Corrupt {header.Format} data: the decoder produced no image.");
        }
        if (decoded.Width != header.Width || decoded.Height != header.Height)
        {
            var size = $"{decoded.Width}x{decoded.Height}";
            decoded.Dispose();
            throw new ImageDecodeException(ImageDecodeFailure.Corrupt,
                $"Corrupt {header.Format} data: header claims {header.Width}x{header.Height} but {size} was decoded.");
        }
        return decoded;
    }
}
