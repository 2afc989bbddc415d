using System.Buffers;
using System.Runtime.InteropServices;
using Iad.Contracts.V1;
using Iad.Datasets.Sandbox;
using Iad.Imaging.Decoding;
using Iad.Imaging.Images;
using Iad.Imaging.Perturbations;
using Iad.Imaging.Preprocessing;
using Iad.Imaging.Tensors;

namespace Iad.Dataset.Service.Items;

/// <summary>
/// Renders one image of a dataset into a wire payload with the same imaging code as training and serving.
/// </summary>
/// <remarks>
/// <para><see cref="ItemFormat.Encoded"/>: the file bytes as stored, masks at their stored size; perturbations are not
/// applied (the client applies the recipe itself).</para>
/// <para>Decoded formats without perturbations: <see cref="ImagePreprocessor.LoadTensor"/> (float32) or
/// <see cref="ImagePreprocessor.LoadChw"/> (uint8) with the geometry straight into the payload buffer, exactly as a
/// local loader.</para>
/// <para>Decoded formats with perturbations: decode, resize to the geometry's resize size, apply the transforms in
/// order with <see cref="PerturbationApplier"/> (geometric ones move the mask), then center-crop. Transforms thus act at
/// the input scale, so pixel-valued parameters (blur kernel and sigma) mean the same for every source resolution.</para>
/// <para>Masks are the union of the view's mask files, resized by nearest neighbour with the image. Tensors are CHW,
/// float32 in [0, 1] (byte / 255) or uint8 in [0, 255], little-endian.</para>
/// </remarks>
public static class ImageRenderer
{
    /// <param name="root">Sandbox the paths resolve in.</param>
    /// <param name="source">Image, masks and perturbations.</param>
    /// <param name="format">ENCODED, FLOAT32 or UINT8.</param>
    /// <param name="geometry">Resize (and optional crop) of decoded formats.</param>
    /// <param name="includeMask">Whether to load the masks (ignored when the source has none).</param>
    /// <param name="pooled">Rent the payload buffer from the shared array pool (returned on dispose).</param>
    /// <exception cref="ArgumentException">An unsupported format.</exception>
    /// <exception cref="ImageDecodeException">The image or a mask cannot be decoded.</exception>
    public static RenderedImage Render(DatasetRoot root, ImageSource source, ItemFormat format, InputGeometry geometry, bool includeMask, bool pooled)
    {
        if (format is not (ItemFormat.Encoded or ItemFormat.Float32 or ItemFormat.Uint8))
            throw new ArgumentException($"format must be ENCODED, FLOAT32 or UINT8, not {format} ({(int)format})");
        var withMask = includeMask && source.MaskPaths.Count > 0;
        var (file, length) = ReadFile(root.Resolve(source.ImagePath), pooled);
        if (format == ItemFormat.Encoded)
        {
            var native = withMask ? LoadMask(root, source, geometry: null) : null;
            var extension = Path.GetExtension(source.ImagePath).TrimStart('.').ToLowerInvariant();
            return new RenderedImage(file, length, pooled, DataType.Uint8, [length], extension, native is null ? null : MaskPacking.Pack(native));
        }
        try
        {
            return Decode(file.AsSpan(0, length), root, source, format, geometry, withMask, pooled);
        }
        finally
        {
            if (pooled) ArrayPool<byte>.Shared.Return(file);
        }
    }

    private static RenderedImage Decode(
        ReadOnlySpan<byte> encoded, DatasetRoot root, ImageSource source, ItemFormat format, InputGeometry geometry, bool withMask, bool pooled)
    {
        var plane = geometry.OutputWidth * geometry.OutputHeight;
        var length = format == ItemFormat.Float32 ? 3 * plane * sizeof(float) : 3 * plane;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(length) : new byte[length];
        try
        {
            var payload = buffer.AsSpan(0, length);
            BinaryMask? mask;
            if (source.Perturbations.Count == 0)
            {
                mask = withMask ? LoadMask(root, source, geometry) : null;
                if (format == ItemFormat.Float32) ImagePreprocessor.LoadTensor(encoded, geometry, MemoryMarshal.Cast<byte, float>(payload));
                else ImagePreprocessor.LoadChw(encoded, geometry, payload);
            }
            else
            {
                var resizeOnly = geometry with { CenterCrop = null };
                (var image, mask) = PerturbationApplier.Apply(
                    ImagePreprocessor.LoadImage(encoded, resizeOnly), withMask ? LoadMask(root, source, resizeOnly) : null, source.Perturbations);
                if (geometry.CenterCrop is { } crop)
                {
                    image = ImageResizer.CenterCrop(image, crop);
                    mask = mask is null ? null : ImageResizer.CenterCrop(mask, crop);
                }
                if (format == ItemFormat.Float32) ChwTensor.Write(image, MemoryMarshal.Cast<byte, float>(payload));
                else ChwBytes.Write(image, payload);
            }
            var dtype = format == ItemFormat.Float32 ? DataType.Float32 : DataType.Uint8;
            return new RenderedImage(buffer, length, pooled, dtype, [3, geometry.OutputHeight, geometry.OutputWidth], null,
                mask is null ? null : MaskPacking.Pack(mask));
        }
        catch
        {
            if (pooled) ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Union of the source's masks at <paramref name="geometry"/>, or at the stored size when null.</summary>
    private static BinaryMask LoadMask(DatasetRoot root, ImageSource source, InputGeometry? geometry)
    {
        BinaryMask? union = null;
        foreach (var path in source.MaskPaths)
        {
            var bytes = File.ReadAllBytes(root.Resolve(path));
            var mask = geometry is null ? ImageDecoder.DecodeMask(bytes) : ImagePreprocessor.LoadMask(bytes, geometry);
            if (union is null) union = mask;
            else MaskPacking.UnionInto(union, mask, source.ImagePath);
        }
        return union!;
    }

    private static (byte[] Buffer, int Length) ReadFile(string path, bool pooled)
    {
        using var handle = File.OpenHandle(path);
        var size = RandomAccess.GetLength(handle);
        if (size > Array.MaxLength) throw new InvalidDataException($"image file {path} has {size} bytes, more than one buffer can hold");
        var length = (int)size;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(length) : new byte[length];
        var read = 0;
        while (read < length)
        {
            var count = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
            if (count == 0)
            {
                if (pooled) ArrayPool<byte>.Shared.Return(buffer);
                throw new IOException($"image file {path} ended after {read} of {length} bytes");
            }
            read += count;
        }
        return (buffer, length);
    }
}
