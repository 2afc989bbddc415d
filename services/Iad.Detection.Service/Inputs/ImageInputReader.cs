using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Iad.Contracts.V1;
using Tensor = Iad.Contracts.V1.Tensor;
using Iad.Imaging.Decoding;
using Iad.Imaging.Preprocessing;

namespace Iad.Detection.Service.Inputs;

/// <summary>
/// Writes one wire <see cref="Image"/> into a model input slot, [3, H, W] float32 RGB in [0, 1]:
/// encoded bytes are decoded and resized to H×W with <see cref="ImagePreprocessor"/> (the code training uses), and
/// tensors must be exactly [3, H, W] — float32 in [0, 1] (finite) or uint8 (value · 1/255). Every size is checked
/// against the model before anything is allocated or decoded, so no request can make the server allocate by what
/// it claims.
/// </summary>
public sealed class ImageInputReader(DecodeOptions decodeOptions)
{
    /// <summary>Fills <paramref name="destination"/> (length 3·<paramref name="height"/>·<paramref name="width"/>) from <paramref name="image"/>.</summary>
    /// <exception cref="InvalidImageException">The image is missing, corrupt, of the wrong shape, type or length, or holds values outside [0, 1].</exception>
    /// <exception cref="ImageTooLargeException">Encoded bytes declare more pixels than the limit.</exception>
    public void Read(Image? image, int height, int width, Span<float> destination)
    {
        switch (image?.ContentCase)
        {
            case Image.ContentOneofCase.Encoded:
                ReadEncoded(image.Encoded.Data.Span, height, width, destination);
                break;
            case Image.ContentOneofCase.Tensor:
                ReadTensor(image.Tensor, height, width, destination);
                break;
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

    private static void ReadTensor(Tensor tensor, int height, int width, Span<float> destination)
    {
        if (tensor.Shape.Count != 3 || tensor.Shape[0] != 3 || tensor.Shape[1] != height || tensor.Shape[2] != width)
        {
            throw new InvalidImageException(
                $"Tensor shape [{string.Join(",", tensor.Shape)}] does not match the model input [3,{height},{width}] (CHW RGB at the model's input size).");
        }
        var elements = destination.Length;
        var bytes = tensor.Data.Span;
        switch (tensor.Dtype)
        {
            case DataType.Float32:
                CheckLength(bytes.Length, elements, sizeof(float), "float32");
                var values = MemoryMarshal.Cast<byte, float>(bytes);
                values.CopyTo(destination);
                CheckUnitRange(destination);
                break;
            case DataType.Uint8:
                CheckLength(bytes.Length, elements, sizeof(byte), "uint8");
                TensorPrimitives.ConvertChecked<byte, float>(bytes, destination);
                TensorPrimitives.Multiply(destination, 1f / 255f, destination);
                break;
            default:
                throw new InvalidImageException($"Tensor dtype {tensor.Dtype} is not accepted; send DATA_TYPE_FLOAT32 in [0, 1] or DATA_TYPE_UINT8.");
        }
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
