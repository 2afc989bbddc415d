using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Iad.Contracts.V1;
using Tensor = Iad.Contracts.V1.Tensor;
using Iad.Imaging.Decoding;
using Iad.Imaging.Preprocessing;

namespace Iad.Detection.Service.Inputs;

/// <summary>
/// Turns one wire <see cref="Image"/> into model input, [3, H, W] float32 RGB in [0, 1]:
/// encoded bytes are decoded and resized to H×W with <see cref="ImagePreprocessor"/> (the code training uses), and
/// tensors must be exactly [3, H, W] — float32 in [0, 1] (finite) or uint8 (value · 1/255). Every size is checked
/// against the model before anything is allocated or decoded, so no request can make the server allocate by what
/// it claims.
/// </summary>
public sealed class ImageInputReader(DecodeOptions decodeOptions)
{
    /// <summary>
    /// Validates <paramref name="image"/> for an <paramref name="height"/>×<paramref name="width"/> model and returns
    /// it ready for a batch slot: tensors are checked in place and keep referencing the message's bytes (the caller
    /// keeps the message alive until the image is computed); encoded images are decoded into a pooled buffer
    /// (<see cref="PreparedImage.Release"/> returns it).
    /// </summary>
    /// <exception cref="InvalidImageException">The image is missing, corrupt, of the wrong shape, type or length, or holds values outside [0, 1].</exception>
    /// <exception cref="ImageTooLargeException">Encoded bytes declare more pixels than the limit.</exception>
    public PreparedImage Prepare(Image? image, int height, int width)
    {
        switch (image?.ContentCase)
        {
            case Image.ContentOneofCase.Encoded:
                var length = 3 * height * width;
                var buffer = ArrayPool<float>.Shared.Rent(length);
                try
                {
                    ReadEncoded(image.Encoded.Data.Span, height, width, buffer.AsSpan(0, length));
                }
                catch
                {
                    ArrayPool<float>.Shared.Return(buffer);
                    throw;
                }
                return PreparedImage.FromPooled(buffer, length);
            case Image.ContentOneofCase.Tensor:
                return PrepareTensor(image.Tensor, height, width);
            default:
                throw new InvalidImageException("The image is empty: set either 'encoded' or 'tensor'.");
        }
    }

    private void ReadEncoded(ReadOnlySpan<byte> bytes, int height, int width, Span<float> destination)
    {
        try
        {
            ImagePreprocessor.LoadTensor(bytes, new InputGeometry(width, height), destination, decodeOptions);
        }
        catch (ImageDecodeException e) when (e.Reason == ImageDecodeFailure.TooLarge)
        {
            throw new ImageTooLargeException(e.Message, e);
        }
        catch (ImageDecodeException e)
        {
            throw new InvalidImageException($"The encoded image cannot be decoded ({e.Reason}): {e.Message}", e);
        }
    }

    private static PreparedImage PrepareTensor(Tensor tensor, int height, int width)
    {
        if (tensor.Shape.Count != 3 || tensor.Shape[0] != 3 || tensor.Shape[1] != height || tensor.Shape[2] != width)
        {
            throw new InvalidImageException(
                $"Tensor shape [{string.Join(",", tensor.Shape)}] does not match the model input [3,{height},{width}] (CHW RGB at the model's input size).");
        }
        return PrepareRaw(tensor.Dtype switch
        {
            DataType.Float32 => TensorElement.Float32,
            DataType.Uint8 => TensorElement.Uint8,
            _ => throw new InvalidImageException($"Tensor dtype {tensor.Dtype} is not accepted; send DATA_TYPE_FLOAT32 in [0, 1] or DATA_TYPE_UINT8."),
        }, tensor.Data.Memory, 3 * height * width);
    }

    /// <summary>
    /// Checks raw little-endian tensor bytes holding <paramref name="elements"/> values of <paramref name="element"/>
    /// (float32 must be finite and in [0, 1]) and wraps them without copying.
    /// </summary>
    /// <exception cref="InvalidImageException">The byte count is not elements · element size, or a float is outside [0, 1].</exception>
    public static PreparedImage PrepareRaw(TensorElement element, ReadOnlyMemory<byte> bytes, int elements)
    {
        switch (element)
        {
            case TensorElement.Float32:
                CheckLength(bytes.Length, elements, sizeof(float), "float32");
                CheckUnitRange(MemoryMarshal.Cast<byte, float>(bytes.Span));
                return PreparedImage.FromFloat32Bytes(bytes);
            case TensorElement.Uint8:
                CheckLength(bytes.Length, elements, sizeof(byte), "uint8");
                return PreparedImage.FromUint8(bytes);
            default:
                throw new InvalidImageException($"Tensor element type {element} is not accepted.");
        }
    }

    /// <summary>
    /// Checks that the first <paramref name="length"/> floats of <paramref name="buffer"/> (rented from
    /// <see cref="ArrayPool{T}.Shared"/>) are finite and in [0, 1] and wraps them; on failure the buffer goes back to
    /// the pool.
    /// </summary>
    /// <exception cref="InvalidImageException">A value is outside [0, 1] or not finite.</exception>
    public static PreparedImage PreparePooled(float[] buffer, int length)
    {
        try
        {
            CheckUnitRange(buffer.AsSpan(0, length));
        }
        catch
        {
            ArrayPool<float>.Shared.Return(buffer);
            throw;
        }
        return PreparedImage.FromPooled(buffer, length);
    }

    private static void CheckLength(int actual, int elements, int elementSize, string dtype)
    {
        if (actual != (long)elements * elementSize)
            throw new InvalidImageException($"Tensor data holds {actual} bytes; {elements} {dtype} elements need {(long)elements * elementSize}.");
    }

    private static void CheckUnitRange(ReadOnlySpan<float> values)
    {
        // Max/Min propagate NaN, so one pass each catches NaN, ±Inf and out-of-range values.
        var max = TensorPrimitives.Max(values);
        var min = TensorPrimitives.Min(values);
        if (float.IsNaN(max) || float.IsNaN(min) || min < 0f || max > 1f)
        {
            var index = FirstOutsideUnit(values);
            throw new InvalidImageException(
                $"Float32 tensors must hold finite values in [0, 1]; element {index} is {values[index].ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }

    private static int FirstOutsideUnit(ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= 0f && values[i] <= 1f)) return i;
        }
        return 0;
    }
}
