using System.Buffers;
using Google.Protobuf;
using Iad.Contracts.KServe.V2;
using Iad.Detection.Service.Inference;
using Iad.Detection.Service.Inputs;
using Iad.Onnx.Detector;

namespace Iad.Detection.Service.KServe;

/// <summary>
/// The <c>image</c> input of a KServe v2 <see cref="ModelInferRequest"/> as a request's images: one tensor
/// [N, 3, H, W] (1 ≤ N ≤ 64), FP32 with values in [0, 1] or UINT8 (value · 1/255), carried either as
/// <c>raw_input_contents</c> (little-endian, row-major; used in place, no copy) or as typed <c>contents</c>
/// (<c>fp32_contents</c>, or <c>uint_contents</c> holding 0..255 for UINT8; copied into pooled buffers). The
/// structure is checked when the batch is made, before any model is looked up; H and W against the model, and the
/// values, when each image is prepared.
/// </summary>
internal sealed class KServeImageBatch : IImageBatch
{
    /// <summary>The detector's one input.</summary>
    public const string InputName = "image";

    private readonly ModelInferRequest.Types.InferInputTensor _input;
    private readonly TensorElement _element;
    private readonly ByteString? _raw;

    private KServeImageBatch(ModelInferRequest.Types.InferInputTensor input, TensorElement element, ByteString? raw)
    {
        _input = input;
        _element = element;
        _raw = raw;
        Count = (int)input.Shape[0];
    }

    public int Count { get; }

    /// <summary>Checks the request's inputs and wraps the image tensor.</summary>
    /// <exception cref="InvalidImageException">Not exactly one input named <c>image</c>, another datatype, a shape that is not [N, 3, H, W] with 1 ≤ N ≤ 64, or contents of the wrong form or size.</exception>
    public static KServeImageBatch From(ModelInferRequest request)
    {
        if (request.Inputs.Count != 1)
            throw new InvalidImageException($"The request carries {request.Inputs.Count} inputs; detectors take exactly one, '{InputName}'.");
        var input = request.Inputs[0];
        if (input.Name != InputName)
            throw new InvalidImageException($"Input '{input.Name}' is unknown; the detector's only input is '{InputName}'.");
        var element = input.Datatype switch
        {
            KServeDataTypes.Fp32 => TensorElement.Float32,
            KServeDataTypes.Uint8 => TensorElement.Uint8,
            _ => throw new InvalidImageException(
                $"Input '{InputName}' has datatype '{input.Datatype}'; send {KServeDataTypes.Fp32} (values in [0, 1]) or {KServeDataTypes.Uint8}."),
        };
        var shape = input.Shape;
        if (shape.Count != 4 || shape[1] != 3 || shape[2] < 1 || shape[3] < 1 || shape[2] > int.MaxValue || shape[3] > int.MaxValue
            || shape[0] is < 1 or > DetectionEngine.MaxImagesPerRequest)
        {
            throw new InvalidImageException(
                $"Input '{InputName}' has shape [{string.Join(",", shape)}]; it must be [N,3,H,W] (CHW RGB) with N in 1..{DetectionEngine.MaxImagesPerRequest}.");
        }
        var elements = shape[0] * shape[1] * shape[2] * shape[3];
        var elementSize = element == TensorElement.Float32 ? sizeof(float) : sizeof(byte);
        if (request.RawInputContents.Count > 0)
        {
            if (request.RawInputContents.Count != 1)
                throw new InvalidImageException($"raw_input_contents holds {request.RawInputContents.Count} entries for 1 input.");
            if (input.Contents is not null)
                throw new InvalidImageException($"Input '{InputName}' sets 'contents' while raw_input_contents is used; send one or the other.");
            var raw = request.RawInputContents[0];
            if (raw.Length != elements * elementSize)
            {
                throw new InvalidImageException(
                    $"raw_input_contents[0] holds {raw.Length} bytes; shape [{string.Join(",", shape)}] of {input.Datatype} needs {elements * elementSize}.");
            }
            return new KServeImageBatch(input, element, raw);
        }
        var count = element == TensorElement.Float32 ? input.Contents?.Fp32Contents.Count ?? 0 : input.Contents?.UintContents.Count ?? 0;
        if (count != elements)
        {
            var field = element == TensorElement.Float32 ? "fp32_contents" : "uint_contents";
            throw new InvalidImageException(
                $"Input '{InputName}' carries {count} values in contents.{field}; shape [{string.Join(",", shape)}] needs {elements} (or send raw_input_contents).");
        }
        return new KServeImageBatch(input, element, null);
    }

    public PreparedImage Prepare(int index, int height, int width)
    {
        var shape = _input.Shape;
        if (shape[2] != height || shape[3] != width)
            throw new InvalidImageException($"Input '{InputName}' has shape [{string.Join(",", shape)}]; the model takes [-1,3,{height},{width}].");
        var length = 3 * height * width;
        if (_raw is not null)
        {
            var size = _element == TensorElement.Float32 ? sizeof(float) : sizeof(byte);
            return ImageInputReader.PrepareRaw(_element, _raw.Memory.Slice(index * length * size, length * size), length);
        }
        var buffer = ArrayPool<float>.Shared.Rent(length);
        var offset = index * length;
        if (_element == TensorElement.Float32)
        {
            var values = _input.Contents.Fp32Contents;
            for (var i = 0; i < length; i++) buffer[i] = values[offset + i];
            return ImageInputReader.PreparePooled(buffer, length);
        }
        var codes = _input.Contents.UintContents;
        for (var i = 0; i < length; i++)
        {
            var code = codes[offset + i];
            if (code > byte.MaxValue)
            {
                ArrayPool<float>.Shared.Return(buffer);
                throw new InvalidImageException($"contents.uint_contents[{offset + i}] = {code} is not a {KServeDataTypes.Uint8} value (0..255).");
            }
            buffer[i] = code * PixelConversion.Uint8Scale;
        }
        return PreparedImage.FromPooled(buffer, length);
    }
}
