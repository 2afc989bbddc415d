using Iad.Onnx.Backbones;
using Iad.Onnx.Graph;
using Iad.Onnx.Protobuf;
using Iad.Onnx.Runtime;

namespace Iad.Methods.Components.FeatureExtraction;

/// <summary>
/// Builds the graph image → embedding that fitting, in-process scoring and compiled detectors share, so fitted state
/// and detector features come from one computation: input <c>image</c> float32 [N, 3, H, W] RGB in [0, 1];
/// x′ = (x − mean) / std with ImageNet mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225); the backbone's nodes;
/// optional 3×3 local aggregation; layer3 resized to layer2's grid; channel concatenation [layer2, layer3]; optional
/// channel subset; output <see cref="OutputName"/> [N, P, C] with P = h·w positions in row-major order (p = y·w + x).
/// </summary>
public static class EmbeddingGraph
{
    /// <summary>Name of the embedding output.</summary>
    public const string OutputName = "embedding";

    private const string NormalisedImage = "iad_normalised_image";

    /// <summary>Builds the embedding model for a fixed <paramref name="height"/>×<paramref name="width"/> input; the backbone is cloned.</summary>
    /// <exception cref="ModelContractException">The backbone uses an opset above <see cref="GraphBuilder.DefaultOpset"/>.</exception>
    public static (ModelProto Model, EmbeddingShape Shape) Build(FeatureBackbone backbone, EmbeddingSpec spec, int height, int width)
    {
        var shape = ShapeOf(backbone, spec, height, width);
        var model = backbone.Model.Clone();
        RequireOpset(model, backbone.Name);
        var graph = model.Graph;
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == BackboneSpec.InputName) node.Input[i] = NormalisedImage;
            }
        }
        var backboneInputs = graph.Input.Where(v => v.Name == BackboneSpec.InputName).ToList();
        foreach (var input in backboneInputs) graph.Input.Remove(input);
        graph.Output.Clear();

        var b = new GraphBuilder(model);
        var backboneNodes = graph.Node.Count;
        var image = b.AddInput(BackboneSpec.InputName, TensorProto.Types.DataType.Float, "batch", 3, height, width);
        var mean = b.AddInitializer("iad_imagenet_mean", [.. BackboneSpec.ImageNetMean], 1, 3, 1, 1);
        var std = b.AddInitializer("iad_imagenet_std", [.. BackboneSpec.ImageNetStd], 1, 3, 1, 1);
        b.Div(b.Sub(image, mean), std, NormalisedImage);
        // Nodes must stay topologically sorted: the normalisation moves in front of the backbone.
        var added = graph.Node.Skip(backboneNodes).ToList();
        foreach (var node in added) graph.Node.Remove(node);
        for (var i = 0; i < added.Count; i++) graph.Node.Insert(i, added[i]);

        var layer2 = backbone.Layer2.Name;
        var layer3 = backbone.Layer3.Name;
        if (spec.LocalAggregation)
        {
            layer2 = b.AveragePool(layer2, [3, 3], [1, 1], [1, 1, 1, 1], countIncludePad: true);
            layer3 = b.AveragePool(layer3, [3, 3], [1, 1], [1, 1, 1, 1], countIncludePad: true);
        }
        var sizes = b.Concat([b.Slice(b.Shape(layer3), [0], [2], [0]), b.Slice(b.Shape(layer2), [2], [4], [0])], 0);
        var upsampled = spec.Upsampling == EmbeddingUpsampling.Bilinear
            ? b.ResizeTo(layer3, sizes, "linear", "half_pixel")
            : b.ResizeTo(layer3, sizes, "nearest", "asymmetric");
        var features = b.Concat([layer2, upsampled], 1);
        if (spec.ChannelSubset is { } subset)
            features = b.Gather(features, b.AddInitializer("iad_channel_subset", [.. subset.Select(c => (long)c)], subset.Count), axis: 1);
        var flat = b.Reshape(features, [0, shape.Channels, -1]);
        b.Transpose(flat, [0, 2, 1], OutputName);
        b.AddOutput(OutputName, TensorProto.Types.DataType.Float, "batch", shape.Patches, shape.Channels);
        return (model, shape);
    }

    /// <summary>The embedding geometry for an input size.</summary>
    /// <exception cref="ArgumentException">A channel index is out of range or repeated, or the input is not a multiple of layer3's stride.</exception>
    public static EmbeddingShape ShapeOf(FeatureBackbone backbone, EmbeddingSpec spec, int height, int width)
    {
        var stride3 = backbone.Layer3.Stride;
        if (height <= 0 || width <= 0 || height % stride3 != 0 || width % stride3 != 0)
            throw new ArgumentException($"Input {height}x{width} must be positive multiples of the backbone's layer3 stride {stride3}.");
        var all = backbone.Layer2.Channels + backbone.Layer3.Channels;
        var channels = all;
        if (spec.ChannelSubset is { } subset)
        {
            var seen = new bool[all];
            foreach (var c in subset)
            {
                if (c < 0 || c >= all) throw new ArgumentException($"Channel index {c} is outside 0..{all - 1}.");
                if (seen[c]) throw new ArgumentException($"Channel index {c} is repeated in the subset.");
                seen[c] = true;
            }
            channels = subset.Count;
        }
        return new EmbeddingShape(channels, height / backbone.Layer2.Stride, width / backbone.Layer2.Stride);
    }

    private static void RequireOpset(ModelProto model, string name)
    {
        foreach (var opset in model.OpsetImport)
        {
            if (opset.Domain is "" or "ai.onnx")
            {
                if (opset.Version > GraphBuilder.DefaultOpset)
                    throw new ModelContractException($"Backbone '{name}' uses opset {opset.Version}; detectors are built at opset {GraphBuilder.DefaultOpset}: export it with opset ≤ {GraphBuilder.DefaultOpset}.");
                // Backbone operators (Conv, Relu, pooling, Add) keep their meaning up to opset 17, so the model is raised to it.
                opset.Version = GraphBuilder.DefaultOpset;
            }
        }
    }
}

/// <summary>Embedding geometry: <see cref="Channels"/> per position on a <see cref="Height"/>×<see cref="Width"/> grid.</summary>
public readonly record struct EmbeddingShape(int Channels, int Height, int Width)
{
    /// <summary>Positions per image, P = Height · Width.</summary>
    public int Patches => Height * Width;
}
