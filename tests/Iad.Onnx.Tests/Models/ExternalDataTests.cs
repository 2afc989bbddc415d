using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Protobuf;
using Iad.Onnx.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Onnx.Tests.Models;

public sealed class ExternalDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iad-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A memory-bank-like model: distances from a query to a 2000 × 64 bank via MatMul, min over the bank.
    private static (ModelProto Model, float[] Bank) BankModel()
    {
        var bank = TestData.Uniform(40, 2000 * 64);
        var b = new GraphBuilder("bank");
        var query = b.AddInput("query", DataType.Float, "n", 64);
        var products = b.MatMul(query, b.AddInitializer("bank", bank, 64, 2000));
        b.AddOutput(b.ReduceMin(products, [1], keepDims: false, output: "nearest"), DataType.Float, "n");
        b.AddInitializer("small", [1f, 2f], 2);
        return (b.Model, bank);
    }

    [Fact]
    public void Large_initializers_go_to_an_aligned_side_file_and_load_back_identically()
    {
        var (model, bank) = BankModel();
        var path = Path.Combine(_folder, "bank.onnx");

        var written = OnnxModelFile.Write(model, path, new ExternalDataOptions { ThresholdBytes = 0 });

        Assert.Equal(1, written.ExternalTensorCount);
        Assert.Equal(path + ".data", written.ExternalDataPath);
        Assert.True(new FileInfo(path).Length < 4096, $"model file is {new FileInfo(path).Length} bytes");
        Assert.Equal(bank.Length * 4L, new FileInfo(written.ExternalDataPath!).Length);
        Assert.Equal(TensorProto.Types.DataLocation.Default, model.Graph.Initializer[0].DataLocation);

        var kept = OnnxModelFile.Read(path, resolveExternalData: false);
        var external = kept.Graph.Initializer.Single(t => t.Name == "bank");
        Assert.Equal(TensorProto.Types.DataLocation.External, external.DataLocation);
        Assert.Equal("0", external.ExternalData.Single(e => e.Key == "offset").Value);
        Assert.Equal(TensorProto.Types.DataLocation.Default, kept.Graph.Initializer.Single(t => t.Name == "small").DataLocation);

        var loaded = OnnxModelFile.Read(path);
        Assert.Equal(bank, OnnxTensors.ReadFloats(loaded.Graph.Initializer.Single(t => t.Name == "bank")));
    }

    [Fact]
    public void OnnxRuntime_runs_the_external_data_model_like_the_inline_one()
    {
        var (model, _) = BankModel();
        var path = Path.Combine(_folder, "bank.onnx");
        OnnxModelFile.Write(model, path, new ExternalDataOptions { ThresholdBytes = 0 });
        var query = TestData.Uniform(41, 3 * 64);

        using var session = new InferenceSession(path);
        var fromFile = OrtRunner.Run(session, ("query", query, [3, 64]))["nearest"];
        var inline = OrtRunner.Run(model, ("query", query, [3, 64]))["nearest"];

        Assert.Equal(inline.Data, fromFile.Data);
        Assert.Contains("nearest", OnnxModelValidator.Validate(path).Outputs.Keys);
    }

    [Fact]
    public void Small_models_stay_in_one_file_under_the_default_threshold()
    {
        var (model, _) = BankModel();
        var path = Path.Combine(_folder, "inline.onnx");
        var written = OnnxModelFile.Write(model, path);
        Assert.Null(written.ExternalDataPath);
        Assert.False(File.Exists(path + ".data"));
        Assert.Equal(model, OnnxModelFile.Read(path));
    }

    [Fact]
    public void Several_external_tensors_start_on_aligned_offsets()
    {
        var b = new GraphBuilder("two");
        var x = b.AddInput("x", DataType.Float, 1, 300);
        var first = b.MatMul(x, b.AddInitializer("w1", TestData.Uniform(42, 300 * 300), 300, 300));
        b.AddOutput(b.MatMul(first, b.AddInitializer("w2", TestData.Uniform(43, 300 * 7), 300, 7), "y"), DataType.Float, 1, 7);
        var path = Path.Combine(_folder, "two.onnx");

        OnnxModelFile.Write(b.Model, path, new ExternalDataOptions { ThresholdBytes = 0, FileName = "weights.bin" });

        var kept = OnnxModelFile.Read(path, resolveExternalData: false);
        var offsets = kept.Graph.Initializer.Select(t => long.Parse(t.ExternalData.Single(e => e.Key == "offset").Value)).ToList();
        Assert.Equal(2, offsets.Count);
        Assert.All(offsets, o => Assert.Equal(0, o % 4096));
        Assert.True(File.Exists(Path.Combine(_folder, "weights.bin")));
        Assert.Equal(b.Model, OnnxModelFile.Read(path));
    }

    [Fact]
    public void External_locations_outside_the_model_folder_are_refused()
    {
        var (model, _) = BankModel();
        var path = Path.Combine(_folder, "bank.onnx");
        OnnxModelFile.Write(model, path, new ExternalDataOptions { ThresholdBytes = 0 });
        var tampered = OnnxModelFile.Read(path, resolveExternalData: false);
        tampered.Graph.Initializer.Single(t => t.Name == "bank").ExternalData.Single(e => e.Key == "location").Value = "../escape.data";
        File.WriteAllBytes(path, OnnxModelFile.ToBytes(tampered));

        var error = Assert.Throws<OnnxModelException>(() => OnnxModelFile.Read(path));
        Assert.Contains("escape.data", error.Message);
    }

    [Fact]
    public void Truncated_side_files_are_reported_with_sizes()
    {
        var (model, bank) = BankModel();
        var path = Path.Combine(_folder, "bank.onnx");
        var written = OnnxModelFile.Write(model, path, new ExternalDataOptions { ThresholdBytes = 0 });
        using (var stream = File.OpenWrite(written.ExternalDataPath!)) stream.SetLength(1000);

        var error = Assert.Throws<OnnxModelException>(() => OnnxModelFile.Read(path));
        Assert.Contains((bank.Length * 4).ToString(), error.Message);
    }
}
