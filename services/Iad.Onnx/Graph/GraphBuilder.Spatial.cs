namespace Iad.Onnx.Graph;

// Pooling and resampling over the spatial axes of NCHW tensors.
public sealed partial class GraphBuilder
{
    /// <summary>
    /// Average pooling with a square-or-not kernel. <paramref name="pads"/> is [top, left, bottom, right].
    /// With <paramref name="countIncludePad"/> the divisor is always kH·kW (PyTorch's AvgPool2d default);
    /// otherwise it is the number of non-padding elements under the window.
    /// </summary>
    public string AveragePool(string x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> strides = default, ReadOnlySpan<long> pads = default,
        bool countIncludePad = true, string? output = null)
    {
        var attributes = new List<Protobuf.AttributeProto>(4) { Attr.Ints("kernel_shape", kernel), Attr.Int("count_include_pad", countIncludePad ? 1 : 0) };
        if (!strides.IsEmpty) attributes.Add(Attr.Ints("strides", strides));
        if (!pads.IsEmpty) attributes.Add(Attr.Ints("pads", pads));
        return Op("AveragePool", [x], output, [.. attributes]);
    }

    /// <summary>Max pooling; padding positions never win.</summary>
    public string MaxPool(string x, ReadOnlySpan<long> kernel, ReadOnlySpan<long> strides = default, ReadOnlySpan<long> pads = default, string? output = null)
    {
        var attributes = new List<Protobuf.AttributeProto>(3) { Attr.Ints("kernel_shape", kernel) };
        if (!strides.IsEmpty) attributes.Add(Attr.Ints("strides", strides));
        if (!pads.IsEmpty) attributes.Add(Attr.Ints("pads", pads));
        return Op("MaxPool", [x], output, [.. attributes]);
    }

    /// <summary>
    /// Resizes x to the absolute <paramref name="sizes"/> (one entry per axis, e.g. [N, C, H′, W′]).
    /// <paramref name="mode"/> is <c>nearest</c>, <c>linear</c> or <c>cubic</c>; <paramref name="coordinateMode"/>
    /// maps output to input coordinates, e.g. <c>half_pixel</c>: x_in = (x_out + 0.5) / scale − 0.5 (PyTorch's
    /// <c>align_corners=False</c>), <c>align_corners</c>: x_in = x_out · (in − 1) / (out − 1).
    /// </summary>
    public string Resize(string x, ReadOnlySpan<long> sizes, string mode = "linear", string coordinateMode = "half_pixel", string? output = null) =>
        ResizeTo(x, Int64Vector(sizes), mode, coordinateMode, output);

    /// <summary>Like <see cref="Resize(string, ReadOnlySpan{long}, string, string, string?)"/> with the sizes taken from an int64 tensor computed in the graph.</summary>
    public string ResizeTo(string x, string sizes, string mode = "linear", string coordinateMode = "half_pixel", string? output = null)
    {
        var attributes = new List<Protobuf.AttributeProto>(3) { Attr.String("mode", mode), Attr.String("coordinate_transformation_mode", coordinateMode) };
        if (mode == "nearest") attributes.Add(Attr.String("nearest_mode", "floor"));
        return Op("Resize", [x, "", "", sizes], output, [.. attributes]);
    }

    /// <summary>Resizes x by per-axis <paramref name="scales"/> (output size = ⌊in · scale⌋).</summary>
    public string ResizeByScales(string x, ReadOnlySpan<float> scales, string mode = "linear", string coordinateMode = "half_pixel", string? output = null)
    {
        var scalesName = AddInitializer(UniqueName("resize_scales"), scales, scales.Length);
        var attributes = new List<Protobuf.AttributeProto>(3) { Attr.String("mode", mode), Attr.String("coordinate_transformation_mode", coordinateMode) };
        if (mode == "nearest") attributes.Add(Attr.String("nearest_mode", "floor"));
        return Op("Resize", [x, "", scalesName], output, [.. attributes]);
    }
}
