using Iad.Onnx.Graph;
using Iad.Onnx.Tests.Support;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Onnx.Tests.Graph;

public sealed class GraphCutterTests
{
    [Fact]
    public void Cutting_the_builtin_backbone_at_layer2_keeps_layer2_exactly_and_drops_layer3()
    {
        var full = BuiltInModel.Create();
        var cut = GraphCutter.Cut(full, ["layer2"]);

        Assert.Equal(["layer2"], cut.Graph.Output.Select(o => o.Name));
        Assert.DoesNotContain(cut.Graph.Initializer, t => t.Name.StartsWith("layer3", StringComparison.Ordinal));
        Assert.Contains(cut.Graph.Initializer, t => t.Name == "layer2.weight");
        Assert.True(cut.Graph.Node.Count < full.Graph.Node.Count);
        Assert.Equal(2, full.Graph.Output.Count);

        var image = TestData.Uniform(30, 2 * 3 * 64 * 64, -2, 2);
        var fullOut = OrtRunner.Run(full, ("image", image, [2, 3, 64, 64]))["layer2"];
        var cutOut = OrtRunner.Run(cut, ("image", image, [2, 3, 64, 64]))["layer2"];
        Assert.Equal(fullOut.Shape, cutOut.Shape);
        Assert.Equal(fullOut.Data, cutOut.Data);
    }

    [Fact]
    public void Unused_inputs_and_initializers_are_pruned()
    {
        var b = new GraphBuilder("test");
        var a = b.AddInput("a", DataType.Float, 3);
        var c = b.AddInput("c", DataType.Float, 3);
        var w = b.AddInitializer("w", [1f, 2f, 3f], 3);
        b.AddOutput(b.Relu(a, "y"), DataType.Float, 3);
        b.AddOutput(b.Add(b.Mul(a, w), c, "z"), DataType.Float, 3);

        var cut = GraphCutter.Cut(b.Model, ["y"]);

        Assert.Equal(["a"], cut.Graph.Input.Select(i => i.Name));
        Assert.Empty(cut.Graph.Initializer);
        Assert.Single(cut.Graph.Node);
        Assert.Equal(3, cut.Graph.Output[0].Type.TensorType.Shape.Dim[0].DimValue);
    }

    [Fact]
    public void Cutting_at_an_unknown_tensor_names_it()
    {
        var error = Assert.Throws<OnnxGraphException>(() => GraphCutter.Cut(BuiltInModel.Create(), ["layer9"]));
        Assert.Contains("layer9", error.Message);
    }

    [Fact]
    public void Cutting_at_an_inner_tensor_exposes_it_as_an_output()
    {
        var cut = GraphCutter.Cut(BuiltInModel.Create(), ["layer1"]);
        var result = OrtRunner.Run(cut, ("image", new float[3 * 32 * 32], [1, 3, 32, 32]));
        Assert.Equal([1L, 64, 8, 8], result["layer1"].Shape);
    }
}
