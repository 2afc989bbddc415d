using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Graph;

/// <summary>
/// Extracts the part of a graph that computes a chosen set of tensors (e.g. cut a classifier backbone at
/// <c>layer2</c>/<c>layer3</c>): keeps exactly the nodes those tensors depend on, and prunes initializers, inputs
/// and value_info entries nothing kept refers to.
/// </summary>
public static class GraphCutter
{
    /// <summary>
    /// Returns a new model whose graph outputs are <paramref name="outputNames"/>, in that order. The source model is
    /// not modified; tensor data is shared, not copied (protobuf byte strings are immutable). An output keeps the type
    /// and shape recorded for it in the source (graph output or value_info); otherwise it is declared float32 of unknown shape.
    /// </summary>
    /// <exception cref="OnnxGraphException">An output name is not produced by any node, input or initializer, or is listed twice.</exception>
    public static ModelProto Cut(ModelProto model, IReadOnlyList<string> outputNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (outputNames.Count == 0) throw new OnnxGraphException("A cut needs at least one output name.");
        var source = model.Graph ?? throw new OnnxGraphException("The model has no graph.");

        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in source.Node) produced.UnionWith(node.Output);
        foreach (var input in source.Input) produced.Add(input.Name);
        foreach (var tensor in source.Initializer) produced.Add(tensor.Name);
        var unknown = outputNames.Where(name => !produced.Contains(name)).ToList();
        if (unknown.Count > 0)
            throw new OnnxGraphException($"Cannot cut graph '{source.Name}' at [{string.Join(", ", unknown)}]: no node, input or initializer produces them.");
        if (outputNames.Distinct(StringComparer.Ordinal).Count() != outputNames.Count)
            throw new OnnxGraphException($"Cut outputs [{string.Join(", ", outputNames)}] contain a duplicate.");

        // Nodes are stored in topological order, so one backward sweep collects every dependency.
        var needed = new HashSet<string>(outputNames, StringComparer.Ordinal);
        var keep = new bool[source.Node.Count];
        for (var i = source.Node.Count - 1; i >= 0; i--)
        {
            var node = source.Node[i];
            if (!node.Output.Any(needed.Contains)) continue;
            keep[i] = true;
            foreach (var input in node.Input)
            {
                if (input.Length > 0) needed.Add(input);
            }
            foreach (var attribute in node.Attribute) AddOuterScopeReads(attribute, needed);
        }

        var result = model.Clone();
        var graph = result.Graph;
        var nodes = graph.Node.Where((_, i) => keep[i]).ToList();
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        Retain(graph.Initializer, t => needed.Contains(t.Name));
        Retain(graph.SparseInitializer, t => needed.Contains(t.Values.Name));
        Retain(graph.Input, v => needed.Contains(v.Name));
        Retain(graph.ValueInfo, v => needed.Contains(v.Name));

        var known = new Dictionary<string, ValueInfoProto>(StringComparer.Ordinal);
        foreach (var value in source.ValueInfo) known[value.Name] = value;
        foreach (var value in source.Input) known[value.Name] = value;
        foreach (var value in source.Output) known[value.Name] = value;
        graph.Output.Clear();
        foreach (var name in outputNames)
        {
            graph.Output.Add(known.TryGetValue(name, out var info) && info.Type is not null
                ? info.Clone()
                : GraphBuilder.ValueInfo(name, TensorProto.Types.DataType.Float));
        }
        // A graph output needs no value_info entry; keeping both duplicates the declaration.
        Retain(graph.ValueInfo, v => !outputNames.Contains(v.Name));
        return result;
    }

    // Control-flow bodies (If/Loop/Scan) may read tensors of the enclosing graph by name.
    private static void AddOuterScopeReads(AttributeProto attribute, HashSet<string> needed)
    {
        if (attribute.G is { } graph) AddGraphReads(graph, needed);
        foreach (var sub in attribute.Graphs) AddGraphReads(sub, needed);
    }

    private static void AddGraphReads(GraphProto graph, HashSet<string> needed)
    {
        foreach (var node in graph.Node)
        {
            foreach (var input in node.Input)
            {
                if (input.Length > 0) needed.Add(input);
            }
            foreach (var attribute in node.Attribute) AddOuterScopeReads(attribute, needed);
        }
    }

    private static void Retain<T>(Google.Protobuf.Collections.RepeatedField<T> field, Func<T, bool> keep)
    {
        var kept = field.Where(keep).ToList();
        field.Clear();
        field.AddRange(kept);
    }
}
