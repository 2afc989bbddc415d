namespace Iad.Onnx.Graph;

// Reductions and selection. Opset 17 takes ReduceMin/Max/Mean axes as an attribute and ReduceSum axes as an input.
public sealed partial class GraphBuilder
{
    /// <summary>Minimum over <paramref name="axes"/> (negative axes count from the end); reduced axes kept as size 1 when <paramref name="keepDims"/>.</summary>
    public string ReduceMin(string x, ReadOnlySpan<long> axes, bool keepDims = true, string? output = null) =>
        Op("ReduceMin", [x], output, Attr.Ints("axes", axes), Attr.Int("keepdims", keepDims ? 1 : 0));

    /// <summary>Maximum over <paramref name="axes"/>.</summary>
    public string ReduceMax(string x, ReadOnlySpan<long> axes, bool keepDims = true, string? output = null) =>
        Op("ReduceMax", [x], output, Attr.Ints("axes", axes), Attr.Int("keepdims", keepDims ? 1 : 0));

    /// <summary>Arithmetic mean over <paramref name="axes"/>.</summary>
    public string ReduceMean(string x, ReadOnlySpan<long> axes, bool keepDims = true, string? output = null) =>
        Op("ReduceMean", [x], output, Attr.Ints("axes", axes), Attr.Int("keepdims", keepDims ? 1 : 0));

    /// <summary>Sum over <paramref name="axes"/>.</summary>
    public string ReduceSum(string x, ReadOnlySpan<long> axes, bool keepDims = true, string? output = null) =>
        Op("ReduceSum", [x, Int64Vector(axes)], output, Attr.Int("keepdims", keepDims ? 1 : 0));

    /// <summary>
    /// The <paramref name="k"/> largest (or smallest when <paramref name="largest"/> is false) values along
    /// <paramref name="axis"/>, sorted, with their int64 indices. Ties keep the lower index first.
    /// </summary>
    public (string Values, string Indices) TopK(string x, long k, long axis = -1, bool largest = true, string? values = null, string? indices = null)
    {
        var valuesName = values ?? UniqueName("topk_values");
        var indicesName = indices ?? UniqueName("topk_indices");
        AddNode("TopK", [x, Int64Vector(k)], [valuesName, indicesName],
            Attr.Int("axis", axis), Attr.Int("largest", largest ? 1 : 0), Attr.Int("sorted", 1));
        return (valuesName, indicesName);
    }

    /// <summary>Softmax along <paramref name="axis"/>: exp(xᵢ) / Σⱼ exp(xⱼ), computed stably by ONNX Runtime.</summary>
    public string Softmax(string x, long axis = -1, string? output = null) => Op("Softmax", [x], output, Attr.Int("axis", axis));
}
