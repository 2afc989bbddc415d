using System.Runtime.InteropServices;
using Google.Protobuf;
using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Graph;

/// <summary>
/// Creates and reads <see cref="TensorProto"/> values. Data is stored row-major in <c>raw_data</c>
/// as little-endian IEEE 754 (float) or two's-complement (int64), which is what ONNX Runtime maps without conversion.
/// </summary>
public static class OnnxTensors
{
    /// <summary>Product of <paramref name="shape"/>; an empty shape is a scalar with one element.</summary>
    /// <exception cref="OnnxGraphException">A dimension is negative or the product overflows.</exception>
    public static long ElementCount(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0) throw new OnnxGraphException($"Tensor shape [{string.Join(",", shape.ToArray())}] has a negative dimension.");
            count = checked(count * dim);
        }
        return count;
    }

    /// <summary>A float32 tensor named <paramref name="name"/> with the given shape; <c>values.Length</c> must equal the shape's element count.</summary>
    public static TensorProto Float(string name, ReadOnlySpan<float> values, ReadOnlySpan<long> shape) =>
        Create(name, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values), values.Length, shape);

    /// <summary>An int64 tensor (shapes, axes, indices) named <paramref name="name"/>.</summary>
    public static TensorProto Int64(string name, ReadOnlySpan<long> values, ReadOnlySpan<long> shape) =>
        Create(name, TensorProto.Types.DataType.Int64, MemoryMarshal.AsBytes(values), values.Length, shape);

    /// <summary>
    /// The float values of a tensor stored in <c>raw_data</c> or <c>float_data</c>.
    /// </summary>
    /// <exception cref="OnnxGraphException">The tensor is not float32, or its data is external and was not loaded.</exception>
    public static float[] ReadFloats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
            throw new OnnxGraphException($"Tensor '{tensor.Name}' has data type {tensor.DataType}, expected FLOAT ({(int)TensorProto.Types.DataType.Float}).");
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
            throw new OnnxGraphException($"Tensor '{tensor.Name}' keeps its data in an external file; load the model with external data resolved.");
        if (tensor.FloatData.Count > 0) return [.. tensor.FloatData];
        return MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    /// <summary>The int64 values of a tensor stored in <c>raw_data</c> or <c>int64_data</c>.</summary>
    public static long[] ReadInt64s(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Int64)
            throw new OnnxGraphException($"Tensor '{tensor.Name}' has data type {tensor.DataType}, expected INT64 ({(int)TensorProto.Types.DataType.Int64}).");
        if (tensor.Int64Data.Count > 0) return [.. tensor.Int64Data];
        return MemoryMarshal.Cast<byte, long>(tensor.RawData.Span).ToArray();
    }

    private static TensorProto Create(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> bytes, int length, ReadOnlySpan<long> shape)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; big-endian hosts are not supported.");
        var expected = ElementCount(shape);
        if (expected != length)
            throw new OnnxGraphException($"Tensor '{name}' has {length} values but shape [{string.Join(",", shape.ToArray())}] needs {expected}.");
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        foreach (var dim in shape) tensor.Dims.Add(dim);
        return tensor;
    }
}
