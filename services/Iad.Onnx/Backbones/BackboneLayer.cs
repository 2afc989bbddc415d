namespace Iad.Onnx.Backbones;

/// <summary>One feature layer of a backbone.</summary>
/// <param name="Name">Canonical name, also the output name after cutting (e.g. <c>layer2</c>).</param>
/// <param name="Channels">Feature channels C of the output [N, C, H/stride, W/stride].</param>
/// <param name="Stride">Spatial down-sampling factor relative to the input.</param>
/// <param name="ExportedNames">Tensor names the layer's output carries in common exports of the full network, tried after <paramref name="Name"/>.</param>
public sealed record BackboneLayer(string Name, int Channels, int Stride, IReadOnlyList<string> ExportedNames);
