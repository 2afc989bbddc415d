using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Runtime;

namespace Iad.Onnx.Tests.Detector;

public sealed class DetectorMetadataTests
{
    [Fact]
    public void Metadata_round_trips_through_a_serialized_model()
    {
        var metadata = new DetectorMetadata("patchcore", "wide_resnet50_2", 256, 320, new string('f', 64), "min_max:0.5,3.25", "0.1.0");
        var model = TinyDetector.Create(4, 4, withMetadata: false);
        metadata.WriteTo(model);
        ModelMetadata.Set(model, "extra", "kept");

        var read = ModelMetadata.Read(OnnxModelFile.FromBytes(OnnxModelFile.ToBytes(model)));

        Assert.Equal(metadata, DetectorMetadata.Parse(read));
        Assert.Equal("256x320", read[DetectorMetadataKeys.InputSize]);
        Assert.Equal("kept", read["extra"]);
    }

    [Fact]
    public void Setting_a_key_twice_replaces_its_value()
    {
        var model = TinyDetector.Create(4, 4, withMetadata: false);
        ModelMetadata.Set(model, "k", "1");
        ModelMetadata.Set(model, "k", "2");
        Assert.Equal("2", Assert.Single(model.MetadataProps).Value);
    }

    [Theory]
    [InlineData("256")]
    [InlineData("0x256")]
    [InlineData("256x-3")]
    [InlineData("a x b")]
    public void Malformed_input_sizes_are_refused(string value)
    {
        var error = Assert.Throws<ModelContractException>(() => DetectorMetadata.ParseInputSize(value));
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void Every_required_key_is_listed_once() =>
        Assert.Equal(6, DetectorMetadataKeys.All.Distinct().Count(k => k.StartsWith("iad.", StringComparison.Ordinal)));
}
