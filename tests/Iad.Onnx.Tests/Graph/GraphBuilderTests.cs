using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Onnx.Tests.Graph;

public sealed class GraphBuilderTests
{
    [Fact]
    public void Reading_an_unknown_tensor_is_refused_with_its_name()
    {
        var b = new GraphBuilder("test");
        var error = Assert.Throws<OnnxGraphException>(() => b.Relu("missing"));
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Reusing_a_tensor_name_is_refused()
    {
        var b = new GraphBuilder("test");
        var x = b.AddInput("x", DataType.Float, 2);
        Assert.Throws<OnnxGraphException>(() => b.Relu(x, output: "x"));
    }

    [Fact]
    public void Initializer_values_must_match_their_shape()
    {
        var b = new GraphBuilder("test");
        var error = Assert.Throws<OnnxGraphException>(() => b.AddInitializer("w", new float[5], 2, 3));
        Assert.Contains("5", error.Message);
        Assert.Contains("6", error.Message);
    }

    [Fact]
    public void Built_models_declare_opset_17_and_pass_validation()
    {
        var b = new GraphBuilder("test");
        var x = b.AddInput("x", DataType.Float, "batch", 4);
        b.AddOutput(b.Relu(x, "y"), DataType.Float, "batch", 4);
        Assert.Equal(17, b.Model.OpsetImport.Single().Version);
        var signature = OnnxModelValidator.Validate(b.Model);
        Assert.Equal([-1, 4], signature.Outputs["y"]);
    }

    [Fact]
    public void A_type_error_is_reported_by_validation()
    {
        var b = new GraphBuilder("test");
        var x = b.AddInput("x", DataType.Float, 2);
        var indices = b.AddInitializer("i", [1L, 2L], 2);
        b.AddOutput(b.Add(x, indices), DataType.Float);
        Assert.Throws<OnnxGraphException>(() => OnnxModelValidator.Validate(b.Model));
    }

    [Fact]
    public void Extending_an_existing_model_keeps_its_names_reserved()
    {
        var b = new GraphBuilder("test");
        var x = b.AddInput("x", DataType.Float, 2);
        b.Relu(x, "y");
        var extended = new GraphBuilder(b.Model);
        Assert.True(extended.Contains("y"));
        Assert.Throws<OnnxGraphException>(() => extended.Neg(x, output: "y"));
    }
}
