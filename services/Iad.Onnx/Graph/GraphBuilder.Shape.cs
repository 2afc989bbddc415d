namespace Iad.Onnx.Graph;

// Shape manipulation and indexing.
public sealed partial class GraphBuilder
{
    /// <summary>Concatenates inputs along <paramref name="axis"/>; all other dimensions must match.</summary>
    public string Concat(IReadOnlyList<string> inputs, long axis, string? output = null) => Op("Concat", inputs, output, Attr.Int("axis", axis));

    /// <summary>Reshapes to <paramref name="shape"/>; 0 copies the input dimension, −1 is inferred (at most one).</summary>
    public string Reshape(string x, ReadOnlySpan<long> shape, string? output = null) => Op("Reshape", [x, Int64Vector(shape)], output);

    /// <summary>Permutes axes: output axis i is input axis perm[i].</summary>
    public string Transpose(string x, ReadOnlySpan<long> perm, string? output = null) => Op("Transpose", [x], output, Attr.Ints("perm", perm));

    /// <summary>Inserts size-1 axes at <paramref name="axes"/> (positions in the output).</summary>
    public string Unsqueeze(string x, ReadOnlySpan<long> axes, string? output = null) => Op("Unsqueeze", [x, Int64Vector(axes)], output);

    /// <summary>Removes the size-1 axes at <paramref name="axes"/>; ONNX Runtime fails if one is not of size 1.</summary>
    public string Squeeze(string x, ReadOnlySpan<long> axes, string? output = null) => Op("Squeeze", [x, Int64Vector(axes)], output);

    /// <summary>
    /// numpy slicing x[starts:ends:steps] on <paramref name="axes"/>; out-of-range bounds are clamped,
    /// negative values count from the end. Null steps mean 1.
    /// </summary>
    public string Slice(string x, ReadOnlySpan<long> starts, ReadOnlySpan<long> ends, ReadOnlySpan<long> axes, ReadOnlySpan<long> steps = default, string? output = null)
    {
        var inputs = new List<string>(5) { x, Int64Vector(starts), Int64Vector(ends), Int64Vector(axes) };
        if (!steps.IsEmpty) inputs.Add(Int64Vector(steps));
        return Op("Slice", inputs, output);
    }

    /// <summary>Gathers slices of <paramref name="data"/> along <paramref name="axis"/> at the int64 <paramref name="indices"/> tensor.</summary>
    public string Gather(string data, string indices, long axis = 0, string? output = null) => Op("Gather", [data, indices], output, Attr.Int("axis", axis));

    /// <summary>The shape of x as a 1-D int64 tensor.</summary>
    public string Shape(string x, string? output = null) => Op("Shape", [x], output);

    /// <summary>Flattens to 2-D: [d0·…·d(axis−1), d(axis)·…·d(n−1)].</summary>
    public string Flatten(string x, long axis = 1, string? output = null) => Op("Flatten", [x], output, Attr.Int("axis", axis));
}
