namespace Iad.Onnx.Graph;

// Matrix products and convolution.
public sealed partial class GraphBuilder
{
    /// <summary>numpy-style matrix product a @ b (batched over leading dimensions).</summary>
    public string MatMul(string a, string b, string? output = null) => Op("MatMul", [a, b], output);

    /// <summary>
    /// Y = alpha · A′ · B′ + beta · C for 2-D A and B, where A′ = Aᵀ when <paramref name="transA"/> and
    /// B′ = Bᵀ when <paramref name="transB"/>; C (optional, null) broadcasts to [M, N].
    /// </summary>
    public string Gemm(string a, string b, string? c = null, float alpha = 1f, float beta = 1f, bool transA = false, bool transB = false, string? output = null) =>
        Op("Gemm", c is null ? [a, b] : [a, b, c], output,
            Attr.Float("alpha", alpha), Attr.Float("beta", beta), Attr.Int("transA", transA ? 1 : 0), Attr.Int("transB", transB ? 1 : 0));

    /// <summary>
    /// 2-D convolution (cross-correlation) of x [N, C, H, W] with weights w [M, C/group, kH, kW] and optional bias [M].
    /// Output size per axis: ⌊(in + padBegin + padEnd − dilation·(k − 1) − 1) / stride⌋ + 1.
    /// <paramref name="pads"/> is [top, left, bottom, right]; null means no padding; null strides/dilations mean 1.
    /// </summary>
    public string Conv(string x, string w, string? bias = null, ReadOnlySpan<long> strides = default, ReadOnlySpan<long> pads = default,
        ReadOnlySpan<long> dilations = default, int group = 1, string? output = null)
    {
        var attributes = new List<Protobuf.AttributeProto>(4) { Attr.Int("group", group) };
        if (!strides.IsEmpty) attributes.Add(Attr.Ints("strides", strides));
        if (!pads.IsEmpty) attributes.Add(Attr.Ints("pads", pads));
        if (!dilations.IsEmpty) attributes.Add(Attr.Ints("dilations", dilations));
        return Op("Conv", bias is null ? [x, w] : [x, w, bias], output, [.. attributes]);
    }
}
