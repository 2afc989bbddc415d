using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Graph;

/// <summary>
/// Builds or extends an ONNX model (default opset 17, IR version 8). Node helpers return the name of the tensor they
/// produce, so graphs read like expressions: <c>var y = b.Relu(b.Conv(x, w))</c>. Tensor names are unique within the
/// graph; helpers invent names from the operator type unless an explicit <c>output</c> name is given.
/// Not thread-safe.
/// </summary>
public sealed partial class GraphBuilder
{
    /// <summary>Operator set version of the default ONNX domain written by new builders.</summary>
    public const int DefaultOpset = 17;

    /// <summary>IR version written by new builders (IR 8 is the version released with opset 17).</summary>
    public const long IrVersion = 8;

    /// <summary>Value of <c>producer_name</c> in new models.</summary>
    public const string ProducerName = "iad-services";

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _counter;

    /// <summary>Starts an empty model whose graph is named <paramref name="graphName"/>.</summary>
    public GraphBuilder(string graphName, int opset = DefaultOpset)
    {
        Model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = typeof(GraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = new GraphProto { Name = graphName },
        };
        Model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
    }

    /// <summary>Continues editing <paramref name="model"/> in place (e.g. appending a head to a cut backbone).</summary>
    public GraphBuilder(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Model.Graph ??= new GraphProto { Name = "main" };
        var graph = Model.Graph;
        foreach (var value in graph.Input) _names.Add(value.Name);
        foreach (var tensor in graph.Initializer) _names.Add(tensor.Name);
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output) _names.Add(output);
            if (node.Name.Length > 0) _names.Add(node.Name);
        }
    }

    /// <summary>The model being built; the same instance on every access.</summary>
    public ModelProto Model { get; }

    private GraphProto Graph => Model.Graph;

    /// <summary>Whether a tensor or node with this name already exists in the graph.</summary>
    public bool Contains(string name) => _names.Contains(name);

    /// <summary>A name not used yet in this graph, formed from <paramref name="prefix"/> and a counter.</summary>
    public string UniqueName(string prefix)
    {
        string candidate;
        do candidate = $"{prefix}_{_counter++}";
        while (_names.Contains(candidate));
        return candidate;
    }

    /// <summary>Declares a graph input. Dimensions are fixed sizes or symbolic names (e.g. <c>"batch"</c>).</summary>
    public string AddInput(string name, TensorProto.Types.DataType type, params ReadOnlySpan<TensorDim> dims)
    {
        Claim(name);
        Graph.Input.Add(ValueInfo(name, type, dims));
        return name;
    }

    /// <summary>Declares an existing tensor as a graph output with the given element type and shape.</summary>
    public void AddOutput(string name, TensorProto.Types.DataType type, params ReadOnlySpan<TensorDim> dims)
    {
        if (!_names.Contains(name)) throw new OnnxGraphException($"Cannot declare output '{name}': no node, input or initializer produces it.");
        Graph.Output.Add(ValueInfo(name, type, dims));
    }

    /// <summary>Declares an existing tensor as a graph output whose shape is left to ONNX Runtime's inference.</summary>
    public void AddOutput(string name, TensorProto.Types.DataType type)
    {
        if (!_names.Contains(name)) throw new OnnxGraphException($"Cannot declare output '{name}': no node, input or initializer produces it.");
        Graph.Output.Add(ValueInfo(name, type));
    }

    /// <summary>Adds a float32 initializer with the given row-major values and shape; returns its name.</summary>
    public string AddInitializer(string name, ReadOnlySpan<float> values, params ReadOnlySpan<long> shape)
    {
        var tensor = OnnxTensors.Float(name, values, shape);
        Claim(name);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds an int64 initializer (shapes, axes, indices); returns its name.</summary>
    public string AddInitializer(string name, ReadOnlySpan<long> values, params ReadOnlySpan<long> shape)
    {
        var tensor = OnnxTensors.Int64(name, values, shape);
        Claim(name);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A 1-D int64 constant with a generated name (used for shape, axes and size inputs).</summary>
    public string Int64Vector(params ReadOnlySpan<long> values) =>
        AddInitializer(UniqueName("const_i64"), values, values.Length);

    /// <summary>A float32 scalar constant (shape []) with a generated name.</summary>
    public string FloatScalar(float value) => AddInitializer(UniqueName("const_f32"), [value]);

    /// <summary>
    /// Appends a node. Empty strings in <paramref name="inputs"/> mark omitted optional inputs (ONNX convention).
    /// Every non-empty input must already exist; every output name must be new.
    /// </summary>
    public NodeProto AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params ReadOnlySpan<AttributeProto> attributes)
    {
        foreach (var input in inputs)
        {
            if (input.Length > 0 && !_names.Contains(input))
                throw new OnnxGraphException($"{opType} node reads '{input}', which no node, input or initializer produces.");
        }
        foreach (var output in outputs) Claim(output);
        var node = new NodeProto { OpType = opType, Name = UniqueName(opType) };
        _names.Add(node.Name);
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var attribute in attributes) node.Attribute.Add(attribute);
        Graph.Node.Add(node);
        return node;
    }

    /// <summary>Appends a single-output node and returns the output name (<paramref name="output"/> or a generated one).</summary>
    public string Op(string opType, IReadOnlyList<string> inputs, string? output = null, params ReadOnlySpan<AttributeProto> attributes)
    {
        var name = output ?? UniqueName(opType.ToLowerInvariant());
        AddNode(opType, inputs, [name], attributes);
        return name;
    }

    /// <summary>Sets (or replaces) a <c>metadata_props</c> entry.</summary>
    public void SetMetadata(string key, string value) => ModelMetadata.Set(Model, key, value);

    private void Claim(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new OnnxGraphException("Tensor names must not be empty.");
        if (!_names.Add(name)) throw new OnnxGraphException($"Tensor name '{name}' is already used in graph '{Graph.Name}'.");
    }

    internal static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type) => new()
    {
        Name = name,
        Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type } },
    };

    internal static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, ReadOnlySpan<TensorDim> dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim.Value is { } value
                ? new TensorShapeProto.Types.Dimension { DimValue = value }
                : new TensorShapeProto.Types.Dimension { DimParam = dim.Param ?? "" });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
