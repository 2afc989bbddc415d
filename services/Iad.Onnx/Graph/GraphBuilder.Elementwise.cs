namespace Iad.Onnx.Graph;

// Element-wise operators. Binary operators follow numpy multidirectional broadcasting.
public sealed partial class GraphBuilder
{
    /// <summary>a + b (broadcasting).</summary>
    public string Add(string a, string b, string? output = null) => Op("Add", [a, b], output);

    /// <summary>a − b (broadcasting).</summary>
    public string Sub(string a, string b, string? output = null) => Op("Sub", [a, b], output);

    /// <summary>a · b element-wise (broadcasting).</summary>
    public string Mul(string a, string b, string? output = null) => Op("Mul", [a, b], output);

    /// <summary>a / b element-wise (broadcasting); division by zero gives ±inf or NaN as in IEEE 754.</summary>
    public string Div(string a, string b, string? output = null) => Op("Div", [a, b], output);

    /// <summary>a^b element-wise (broadcasting).</summary>
    public string Pow(string a, string b, string? output = null) => Op("Pow", [a, b], output);

    /// <summary>Element-wise maximum of all inputs (broadcasting).</summary>
    public string Max(IReadOnlyList<string> inputs, string? output = null) => Op("Max", inputs, output);

    /// <summary>Element-wise minimum of all inputs (broadcasting).</summary>
    public string Min(IReadOnlyList<string> inputs, string? output = null) => Op("Min", inputs, output);

    /// <summary>√x; negative inputs give NaN.</summary>
    public string Sqrt(string x, string? output = null) => Op("Sqrt", [x], output);

    /// <summary>eˣ.</summary>
    public string Exp(string x, string? output = null) => Op("Exp", [x], output);

    /// <summary>ln x; zero gives −inf, negative inputs NaN.</summary>
    public string Log(string x, string? output = null) => Op("Log", [x], output);

    /// <summary>−x.</summary>
    public string Neg(string x, string? output = null) => Op("Neg", [x], output);

    /// <summary>|x|.</summary>
    public string Abs(string x, string? output = null) => Op("Abs", [x], output);

    /// <summary>max(x, 0).</summary>
    public string Relu(string x, string? output = null) => Op("Relu", [x], output);

    /// <summary>1 / (1 + e^−x).</summary>
    public string Sigmoid(string x, string? output = null) => Op("Sigmoid", [x], output);

    /// <summary>Returns its input unchanged under a new name (used to expose an inner tensor as a named output).</summary>
    public string Identity(string x, string output) => Op("Identity", [x], output);

    /// <summary>min(max(x, min), max); a null bound is omitted (no clipping on that side).</summary>
    public string Clip(string x, float? min, float? max, string? output = null) =>
        Op("Clip", [x, min is { } lo ? FloatScalar(lo) : "", max is { } hi ? FloatScalar(hi) : ""], output);

    /// <summary>Converts the element type of <paramref name="x"/> to <paramref name="to"/>.</summary>
    public string Cast(string x, Protobuf.TensorProto.Types.DataType to, string? output = null) =>
        Op("Cast", [x], output, Attr.Int("to", (long)to));
}
