using Iad.Onnx.Backbones;
using Iad.Onnx.Backbones.BuiltIn;
using Iad.Onnx.Protobuf;

namespace Iad.Methods.Components.FeatureExtraction;

/// <summary>
/// A backbone cut to <c>layer2</c> and <c>layer3</c>: input <c>image</c> float32 [N, 3, H, W] ImageNet-normalised,
/// outputs <c>layer2</c> [N, C2, H/s2, W/s2] and <c>layer3</c> [N, C3, H/s3, W/s3].
/// </summary>
public sealed class FeatureBackbone
{
    private FeatureBackbone(string name, ModelProto model, BackboneLayer layer2, BackboneLayer layer3)
    {
        if (layer3.Stride != 2 * layer2.Stride)
            throw new ArgumentException($"Backbone '{name}': layer3 stride {layer3.Stride} must be twice layer2 stride {layer2.Stride}.");
        Name = name;
        Model = model;
        Layer2 = layer2;
        Layer3 = layer3;
    }

    /// <summary>Name recorded as <c>iad.backbone</c>.</summary>
    public string Name { get; }

    /// <summary>The cut backbone graph; never modified (compilers clone it).</summary>
    public ModelProto Model { get; }

    public BackboneLayer Layer2 { get; }

    public BackboneLayer Layer3 { get; }

    /// <summary>
    /// The built-in backbone generated from <paramref name="seed"/> (128 + 256 channels, strides 8 and 16). Generation
    /// calibrates on synthetic images, so each seed's backbone is generated once per process and shared (it is immutable).
    /// </summary>
    public static FeatureBackbone BuiltIn(int seed = BuiltInBackbone.DefaultSeed) =>
        BuiltInCache.GetOrAdd(seed, s =>
        {
            var spec = BackboneCatalogue.BuiltIn;
            return new FeatureBackbone(BuiltInBackbone.Name, BuiltInBackbone.Create(s), spec.Layer("layer2"), spec.Layer("layer3"));
        });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, FeatureBackbone> BuiltInCache = new();

    /// <summary>Reads a user-supplied ONNX backbone of family <paramref name="spec"/>, cuts it at layer2 and layer3 and checks the shapes.</summary>
    /// <exception cref="Iad.Onnx.Runtime.ModelContractException">A layer is missing or has the wrong channels or stride.</exception>
    public static FeatureBackbone Load(string path, BackboneSpec spec) =>
        new(spec.Name, BackboneLoader.Load(path, spec, ["layer2", "layer3"]), spec.Layer("layer2"), spec.Layer("layer3"));
}
