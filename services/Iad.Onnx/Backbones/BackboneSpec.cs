using Iad.Onnx.Runtime;

namespace Iad.Onnx.Backbones;

/// <summary>A backbone family: its name and known feature layers. Input is <c>image</c> float32 [N, 3, H, W], ImageNet-normalised.</summary>
public sealed record BackboneSpec(string Name, IReadOnlyList<BackboneLayer> Layers)
{
    /// <summary>ImageNet channel means (RGB) subtracted before dividing by <see cref="ImageNetStd"/>.</summary>
    public static IReadOnlyList<float> ImageNetMean { get; } = [0.485f, 0.456f, 0.406f];

    /// <summary>ImageNet channel standard deviations (RGB).</summary>
    public static IReadOnlyList<float> ImageNetStd { get; } = [0.229f, 0.224f, 0.225f];

    /// <summary>Name of the backbone's input after loading.</summary>
    public const string InputName = "image";

    /// <summary>The layer called <paramref name="name"/>.</summary>
    /// <exception cref="ModelContractException">No such layer in this backbone.</exception>
    public BackboneLayer Layer(string name) =>
        Layers.FirstOrDefault(l => l.Name == name)
        ?? throw new ModelContractException($"Backbone '{Name}' has no layer '{name}'; known layers are [{string.Join(", ", Layers.Select(l => l.Name))}].");
}
