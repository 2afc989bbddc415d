using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Iad.Contracts.V1;

namespace Iad.Metrics.Service.Services;

/// <summary>
/// Turns the wire form of an evaluation record (map as float32/float16/quantised uint8 bytes, bit-packed mask) into
/// float and byte spans. Buffers are reused across records, so a stream of equal-sized maps allocates once.
/// </summary>
internal sealed class RecordDecoder
{
    private float[] _map = [];
    private byte[] _mask = [];

    /// <summary>Decodes the map and mask of <paramref name="record"/>; both spans are empty when it has no map.</summary>
    public (ReadOnlyMemory<float> Map, ReadOnlyMemory<byte> Mask, int Width) Decode(EvaluationRecord record)
    {
        if (record.AnomalyMap is null)
        {
            if (record.Mask is not null) throw new ArgumentException($"record '{record.Id}': a mask without an anomaly map");
            return (ReadOnlyMemory<float>.Empty, ReadOnlyMemory<byte>.Empty, 0);
        }
        var (height, width) = MapShape(record);
        var pixels = height * width;
        if (_map.Length < pixels) _map = new float[pixels];
        if (_mask.Length < pixels) _mask = new byte[pixels];
        var map = _map.AsSpan(0, pixels);
        DecodeMap(record, map);
        DecodeMask(record, _mask.AsSpan(0, pixels), height, width);
        return (_map.AsMemory(0, pixels), _mask.AsMemory(0, pixels), width);
    }

    private static (int Height, int Width) MapShape(EvaluationRecord record)
    {
        var shape = record.AnomalyMap.Shape;
        var dims = shape.Count switch
        {
            2 => (shape[0], shape[1]),
            3 when shape[0] == 1 => (shape[1], shape[2]),
            _ => throw new ArgumentException($"record '{record.Id}': anomaly_map shape must be [H, W] or [1, H, W], got [{string.Join(", ", shape)}]"),
        };
        if (dims.Item1 is < 1 or > 16384 || dims.Item2 is < 1 or > 16384)
            throw new ArgumentException($"record '{record.Id}': anomaly_map of {dims.Item1}x{dims.Item2} is outside 1..16384 per side");
        return ((int)dims.Item1, (int)dims.Item2);
    }

    private static void DecodeMap(EvaluationRecord record, Span<float> map)
    {
        var tensor = record.AnomalyMap;
        var bytes = tensor.Data.Span;
        var elementSize = tensor.Dtype switch
        {
            DataType.Float32 => 4,
            DataType.Float16 => 2,
            DataType.Uint8 => 1,
            _ => throw new ArgumentException($"record '{record.Id}': anomaly_map dtype {tensor.Dtype} is not supported"),
        };
        if (bytes.Length != map.Length * elementSize)
            throw new ArgumentException($"record '{record.Id}': anomaly_map has {bytes.Length} bytes, expected {map.Length * elementSize} for {map.Length} {tensor.Dtype} values");

        switch (tensor.Dtype)
        {
            case DataType.Float32:
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(map);
                break;
            case DataType.Float16:
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(bytes), map);
                break;
            default:
                if (tensor.Quantization is not { Scale: > 0 } quantization)
                    throw new ArgumentException($"record '{record.Id}': a uint8 anomaly_map needs quantization with scale > 0");
                for (var i = 0; i < map.Length; i++) map[i] = (float)(quantization.Offset + quantization.Scale * bytes[i]);
                break;
        }
        for (var i = 0; i < map.Length; i++)
        {
            if (!float.IsFinite(map[i])) throw new ArgumentException($"record '{record.Id}': anomaly_map value at pixel {i} is not finite");
        }
    }

    private static void DecodeMask(EvaluationRecord record, Span<byte> mask, int height, int width)
    {
        if (record.Mask is null)
        {
            if (record.Label == Label.Anomalous)
                throw new ArgumentException($"record '{record.Id}': an anomalous image with a map needs its ground-truth mask");
            mask.Clear();
            return;
        }
        if (record.Mask.ContentCase != Mask.ContentOneofCase.Packed)
            throw new ArgumentException($"record '{record.Id}': masks must be bit-packed (Mask.packed)");
        var packed = record.Mask.Packed;
        if (packed.Width != width || packed.Height != height)
            throw new ArgumentException($"record '{record.Id}': mask is {packed.Width}x{packed.Height}, map is {width}x{height}");
        if (packed.Bits.Length != (mask.Length + 7) / 8)
            throw new ArgumentException($"record '{record.Id}': packed mask has {packed.Bits.Length} bytes, expected {(mask.Length + 7) / 8}");
        BitPackedMasks.Unpack(packed, mask);
    }
}
