using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Iad.Contracts.V1;
using Tensor = Iad.Contracts.V1.Tensor;

namespace Iad.Detection.Service.Outputs;

/// <summary>
/// Encodes an H×W anomaly map as a wire <see cref="Tensor"/> of shape [1, H, W]: float32 or float16 little-endian,
/// or uint8 with affine quantisation q = round((v − min) / scale), scale = (max − min) / 255, offset = min, so that
/// value ≈ offset + scale · q with error at most scale / 2 (a constant map gets scale 1 and all codes 0).
/// </summary>
public static class MapEncoder
{
    /// <summary>The map in <paramref name="encoding"/> (FLOAT32, FLOAT16 or UINT8).</summary>
    /// <exception cref="ArgumentException">Another encoding.</exception>
    public static Tensor Encode(ReadOnlySpan<float> map, int height, int width, MapEncoding encoding)
    {
        var tensor = new Tensor { Shape = { 1, height, width } };
        switch (encoding)
        {
            case MapEncoding.Float32:
                tensor.Dtype = DataType.Float32;
                tensor.Data = UnsafeByteOperations.UnsafeWrap(MemoryMarshal.AsBytes(map).ToArray());
                break;
            case MapEncoding.Float16:
                var halves = new Half[map.Length];
                TensorPrimitives.ConvertToHalf(map, halves);
                tensor.Dtype = DataType.Float16;
                tensor.Data = UnsafeByteOperations.UnsafeWrap(MemoryMarshal.AsBytes(halves.AsSpan()).ToArray());
                break;
            case MapEncoding.Uint8:
                tensor.Dtype = DataType.Uint8;
                (tensor.Data, tensor.Quantization) = Quantise(map);
                break;
            default:
                throw new ArgumentException($"Map encoding {encoding} has no tensor form.", nameof(encoding));
        }
        return tensor;
    }

    private static (ByteString Data, Quantization Quantization) Quantise(ReadOnlySpan<float> map)
    {
        var min = TensorPrimitives.Min(map);
        var max = TensorPrimitives.Max(map);
        var scale = max > min ? (max - min) / 255f : 1f;
        var codes = new byte[map.Length];
        var inverse = 1f / scale;
        for (var i = 0; i < map.Length; i++)
            codes[i] = (byte)Math.Clamp(MathF.Round((map[i] - min) * inverse), 0f, 255f);
        return (UnsafeByteOperations.UnsafeWrap(codes), new Quantization { Scale = scale, Offset = min });
    }
}
