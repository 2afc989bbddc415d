using Iad.Imaging.Decoding;
using Iad.Imaging.Images;
using Iad.Imaging.Tensors;
using OpenCvSharp;

namespace Iad.Imaging.Preprocessing;

/// <summary>Encoded bytes → decoded, resized (and optionally centre-cropped) image, mask or CHW tensor per <see cref="InputGeometry"/>.</summary>
public static class ImagePreprocessor
{
    [ThreadStatic]
    private static byte[]? scratch;

    /// <summary>Decodes and applies the geometry.</summary>
    /// <exception cref="ImageDecodeException">The bytes cannot be decoded (see <see cref="ImageDecoder"/>).</exception>
    public static RgbImage LoadImage(ReadOnlySpan<byte> bytes, InputGeometry geometry, DecodeOptions? options = null)
    {
        var image = new RgbImage(geometry.OutputWidth, geometry.OutputHeight);
        using var destination = MatViews.View(image);
        DecodeInto(bytes, geometry, options, destination);
        return image;
    }

    /// <summary>Decodes a mask (any non-zero → 1) and applies the geometry with nearest-neighbour resizing.</summary>
    /// <exception cref="ImageDecodeException">The bytes cannot be decoded.</exception>
    public static BinaryMask LoadMask(ReadOnlySpan<byte> bytes, InputGeometry geometry, DecodeOptions? options = null)
    {
        geometry.Validate();
        var mask = ImageDecoder.DecodeMask(bytes, options);
        if (mask.Width != geometry.ResizeWidth || mask.Height != geometry.ResizeHeight)
        {
            mask = ImageResizer.Resize(mask, geometry.ResizeWidth, geometry.ResizeHeight);
        }
        return geometry.CenterCrop is { } crop ? ImageResizer.CenterCrop(mask, crop) : mask;
    }

    /// <summary>
    /// Decodes, applies the geometry and writes a float32 CHW tensor in [0, 1] (value = byte × (1/255), RGB plane order,
    /// no normalisation) into <paramref name="destination"/>, which must hold <see cref="InputGeometry.TensorLength"/> floats.
    /// Uses a per-thread scratch buffer, so steady-state calls allocate no managed pixel memory.
    /// </summary>
    /// <exception cref="ImageDecodeException">The bytes cannot be decoded.</exception>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void LoadTensor(ReadOnlySpan<byte> bytes, InputGeometry geometry, Span<float> destination, DecodeOptions? options = null)
    {
        if (destination.Length != geometry.TensorLength)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} floats; {geometry.OutputWidth}x{geometry.OutputHeight} RGB needs {geometry.TensorLength}.",
                nameof(destination));
        }
        var interleaved = DecodeToScratch(bytes, geometry, options);
        ChwTensor.Write(interleaved, geometry.OutputWidth, geometry.OutputHeight, destination);
    }

    /// <summary>
    /// Decodes, applies the geometry and writes a planar uint8 CHW tensor in [0, 255] (RGB plane order, the bytes of
    /// <see cref="LoadImage"/> rearranged by <see cref="ChwBytes"/>) into <paramref name="destination"/>, which must hold
    /// <see cref="InputGeometry.TensorLength"/> bytes. Uses the same per-thread scratch buffer as
    /// <see cref="LoadTensor"/>, so steady-state calls allocate no managed pixel memory.
    /// </summary>
    /// <exception cref="ImageDecodeException">The bytes cannot be decoded.</exception>
    /// <exception cref="ArgumentException">The destination has the wrong length.</exception>
    public static void LoadChw(ReadOnlySpan<byte> bytes, InputGeometry geometry, Span<byte> destination, DecodeOptions? options = null)
    {
        if (destination.Length != geometry.TensorLength)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} bytes; {geometry.OutputWidth}x{geometry.OutputHeight} RGB needs {geometry.TensorLength}.",
                nameof(destination));
        }
        var interleaved = DecodeToScratch(bytes, geometry, options);
        ChwBytes.Write(interleaved, geometry.OutputWidth, geometry.OutputHeight, destination);
    }

    /// <summary>Decodes into the thread's scratch buffer; the span is valid until the thread's next call.</summary>
    private static ReadOnlySpan<byte> DecodeToScratch(ReadOnlySpan<byte> bytes, InputGeometry geometry, DecodeOptions? options)
    {
        var length = geometry.OutputWidth * geometry.OutputHeight * RgbImage.Channels;
        if (scratch is null || scratch.Length < length) scratch = new byte[length];
        using (var view = Mat.FromPixelData(geometry.OutputHeight, geometry.OutputWidth, MatType.CV_8UC3, scratch))
        {
            DecodeInto(bytes, geometry, options, view);
        }
        return scratch.AsSpan(0, length);
    }

    private static void DecodeInto(ReadOnlySpan<byte> bytes, InputGeometry geometry, DecodeOptions? options, Mat destination)
    {
        geometry.Validate();
        using var decoded = ImageDecoder.DecodeRgbMat(bytes, options);
        if (geometry.CenterCrop is not { } crop)
        {
            ImageResizer.ResizeInto(decoded, destination, geometry.Interpolation);
            return;
        }
        using var resized = new Mat(geometry.ResizeHeight, geometry.ResizeWidth, MatType.CV_8UC3);
        ImageResizer.ResizeInto(decoded, resized, geometry.Interpolation);
        using var roi = new Mat(resized, ImageResizer.CropRect(geometry.ResizeWidth, geometry.ResizeHeight, crop));
        roi.CopyTo(destination);
    }
}
