using Iad.Onnx.Backbones;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Protobuf;
using Iad.Onnx.Runtime;
using Iad.Onnx.Tests.Support;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Onnx.Tests.Backbones;

public sealed class BackboneLoaderTests
{
    /// <summary>
    /// A stand-in for a full torchvision resnet18 export: input named <c>input</c>, stage outputs carrying the exporter's
    /// tensor names (1×1 strided convolutions give the right channels and strides), and a classifier head on top.
    /// </summary>
    private static ModelProto FakeResNet18Export()
    {
        var b = new GraphBuilder("torch_jit");
        var input = b.AddInput("input", DataType.Float, "batch", 3, "h", "w");
        var layer2 = b.Relu(b.Conv(input, b.AddInitializer("w2", TestData.Uniform(80, 128 * 3), 128, 3, 1, 1), strides: [8, 8]),
            "/layer2/layer2.1/relu_1/Relu_output_0");
        var layer3 = b.Relu(b.Conv(layer2, b.AddInitializer("w3", TestData.Uniform(81, 256 * 128), 256, 128, 1, 1), strides: [2, 2]),
            "/layer3/layer3.1/relu_1/Relu_output_0");
        var pooled = b.Flatten(b.Op("GlobalAveragePool", [layer3]));
        b.AddOutput(b.Gemm(pooled, b.AddInitializer("fc", TestData.Uniform(82, 10 * 256), 10, 256), transB: true, output: "logits"), DataType.Float, "batch", 10);
        return b.Model;
    }

    [Fact]
    public void Exported_layer_names_are_found_renamed_and_checked()
    {
        var source = FakeResNet18Export();
        var cut = BackboneLoader.Cut(source, BackboneCatalogue.ResNet18, ["layer2", "layer3"]);

        Assert.Equal(["layer2", "layer3"], cut.Graph.Output.Select(o => o.Name));
        Assert.Equal([BackboneSpec.InputName], cut.Graph.Input.Select(i => i.Name));
        Assert.DoesNotContain(cut.Graph.Node, n => n.OpType is "Gemm" or "GlobalAveragePool");
        Assert.DoesNotContain(cut.Graph.Initializer, t => t.Name == "fc");
        Assert.Equal("input", source.Graph.Input[0].Name);
        BackboneLoader.Check(cut, BackboneCatalogue.ResNet18, ["layer2", "layer3"]);

        var image = TestData.Uniform(83, 3 * 32 * 32);
        var original = GraphCutter.Cut(source, ["/layer3/layer3.1/relu_1/Relu_output_0"]);
        var expected = OrtRunner.Run(original, ("input", image, [1, 3, 32, 32])).Values.Single();
        Assert.Equal(expected.Data, OrtRunner.Run(cut, ("image", image, [1, 3, 32, 32]))["layer3"].Data);
    }

    [Fact]
    public void Loading_from_a_file_cuts_and_checks()
    {
        var folder = Directory.CreateTempSubdirectory("iad-backbone-").FullName;
        try
        {
            var path = Path.Combine(folder, "resnet18.onnx");
            OnnxModelFile.Write(FakeResNet18Export(), path);
            var cut = BackboneLoader.Load(path, BackboneCatalogue.ResNet18, ["layer3"]);
            Assert.Equal(["layer3"], cut.Graph.Output.Select(o => o.Name));
            Assert.DoesNotContain(cut.Graph.Initializer, t => t.Name == "fc");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_layer_missing_from_the_graph_lists_the_names_tried()
    {
        var error = Assert.Throws<ModelContractException>(() => BackboneLoader.Cut(FakeResNet18Export(), BackboneCatalogue.ResNet18, ["layer1"]));
        Assert.Contains("/layer1/layer1.1/relu_1/Relu_output_0", error.Message);
    }

    [Fact]
    public void A_layer_unknown_to_the_backbone_is_refused() =>
        Assert.Throws<ModelContractException>(() => BackboneLoader.Cut(FakeResNet18Export(), BackboneCatalogue.ResNet18, ["layer7"]));

    [Fact]
    public void Checking_against_the_wrong_catalogue_entry_reports_channels()
    {
        var cut = BackboneLoader.Cut(FakeResNet18Export(), BackboneCatalogue.ResNet18, ["layer2"]);
        var wrong = new BackboneSpec("wrong", [new BackboneLayer("layer2", 128, 16, [])]);
        var error = Assert.Throws<ModelContractException>(() => BackboneLoader.Check(cut, wrong, ["layer2"]));
        Assert.Contains("stride 16", error.Message);
    }

    [Fact]
    public void The_catalogue_knows_the_torchvision_channels()
    {
        Assert.Equal((512, 8), (BackboneCatalogue.WideResNet50.Layer("layer2").Channels, BackboneCatalogue.WideResNet50.Layer("layer2").Stride));
        Assert.Equal((1024, 16), (BackboneCatalogue.WideResNet50.Layer("layer3").Channels, BackboneCatalogue.WideResNet50.Layer("layer3").Stride));
        Assert.Equal(128, BackboneCatalogue.ResNet18.Layer("layer2").Channels);
        Assert.Equal(256, BackboneCatalogue.ResNet18.Layer("layer3").Channels);
        Assert.Same(BackboneCatalogue.WideResNet50, BackboneCatalogue.Find("WIDE_RESNET50_2"));
        Assert.Null(BackboneCatalogue.Find("vgg16"));
    }
}
