namespace Iad.Onnx.Graph;

/// <summary>
/// One dimension of a graph input or output: a fixed size (<see cref="Value"/>) or a symbolic name
/// (<see cref="Param"/>, e.g. <c>"batch"</c>) that ONNX Runtime resolves per run.
/// Converts implicitly from <see cref="long"/>, <see cref="int"/> and <see cref="string"/>.
/// </summary>
public readonly record struct TensorDim(long? Value, string? Param)
{
    public static implicit operator TensorDim(long value) => new(value, null);

    public static implicit operator TensorDim(int value) => new(value, null);

    public static implicit operator TensorDim(string param) => new(null, param);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Param ?? "?";
}
