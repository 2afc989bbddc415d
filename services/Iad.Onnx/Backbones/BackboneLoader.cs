using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Protobuf;
using Iad.Onnx.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Onnx.Backbones;

/// <summary>
/// Turns a user-supplied backbone (e.g. a torchvision export) into a feature extractor: cut to the requested layers,
/// outputs renamed to the canonical layer names, the single input renamed to <c>image</c>, then checked by running it.
/// </summary>
public static class BackboneLoader
{
    /// <summary>Reads, cuts and checks the backbone file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelContractException">A layer cannot be found or has the wrong channels or stride.</exception>
    public static ModelProto Load(string path, BackboneSpec spec, IReadOnlyList<string> layers, int probeSize = 64)
    {
        var cut = Cut(OnnxModelFile.Read(path), spec, layers);
        Check(cut, spec, layers, probeSize);
        return cut;
    }

    /// <summary>
    /// Cuts <paramref name="model"/> so its outputs are exactly <paramref name="layers"/> (canonical names, in order).
    /// Each layer is looked up by its canonical name first, then by its exported names. The source model is not modified.
    /// </summary>
    /// <exception cref="ModelContractException">A layer is unknown to <paramref name="spec"/> or not found in the graph, or the graph has several inputs.</exception>
    public static ModelProto Cut(ModelProto model, BackboneSpec spec, IReadOnlyList<string> layers)
    {
        if (layers.Count == 0) throw new ModelContractException("At least one backbone layer must be requested.");
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in model.Graph.Node) produced.UnionWith(node.Output);
        var resolved = new List<string>(layers.Count);
        foreach (var name in layers)
        {
            var layer = spec.Layer(name);
            string[] candidates = [layer.Name, .. layer.ExportedNames];
            resolved.Add(candidates.FirstOrDefault(produced.Contains)
                ?? throw new ModelContractException(
                    $"Backbone '{spec.Name}' layer '{name}' not found: the graph produces none of [{string.Join(", ", candidates)}]."));
        }

        var cut = GraphCutter.Cut(model, resolved);
        RenameInput(cut.Graph);
        var builder = new GraphBuilder(cut);
        for (var i = 0; i < layers.Count; i++)
        {
            if (resolved[i] == layers[i]) continue;
            builder.Identity(resolved[i], layers[i]);
            cut.Graph.Output[i].Name = layers[i];
        }
        builder.SetMetadata(DetectorMetadataKeys.Backbone, spec.Name);
        return cut;
    }

    /// <summary>
    /// Runs a zero image of <paramref name="probeSize"/>² pixels through a cut backbone and checks every layer output is
    /// [1, channels, probeSize / stride, probeSize / stride].
    /// </summary>
    /// <exception cref="ModelContractException">A shape differs; the message gives expected and actual shapes.</exception>
    public static void Check(ModelProto cut, BackboneSpec spec, IReadOnlyList<string> layers, int probeSize = 64)
    {
        var maxStride = layers.Max(name => spec.Layer(name).Stride);
        if (probeSize <= 0 || probeSize % maxStride != 0)
            throw new ArgumentOutOfRangeException(nameof(probeSize), probeSize, $"The probe size must be a positive multiple of the largest stride {maxStride}.");
        using var session = OnnxSessionFactory.Create(OnnxModelFile.ToBytes(cut), new SessionSettings { Provider = ExecutionProviderPreference.Cpu }).Session;
        var input = new float[3 * probeSize * probeSize];
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, probeSize, probeSize]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [BackboneSpec.InputName], [value], [.. layers]);
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = spec.Layer(layers[i]);
            var shape = results[i].GetTensorTypeAndShape().Shape;
            long[] expected = [1, layer.Channels, probeSize / layer.Stride, probeSize / layer.Stride];
            if (!shape.SequenceEqual(expected))
                throw new ModelContractException(
                    $"Backbone '{spec.Name}' layer '{layer.Name}' gives [{string.Join(",", shape)}] for a {probeSize}x{probeSize} image; expected [{string.Join(",", expected)}] ({layer.Channels} channels, stride {layer.Stride}).");
        }
    }

    private static void RenameInput(GraphProto graph)
    {
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = graph.Input.Where(v => !initializers.Contains(v.Name)).ToList();
        if (inputs.Count != 1)
            throw new ModelContractException($"A backbone must have exactly one image input; this one has [{string.Join(", ", inputs.Select(v => v.Name))}].");
        var old = inputs[0].Name;
        if (old == BackboneSpec.InputName) return;
        inputs[0].Name = BackboneSpec.InputName;
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == old) node.Input[i] = BackboneSpec.InputName;
            }
        }
    }
}
