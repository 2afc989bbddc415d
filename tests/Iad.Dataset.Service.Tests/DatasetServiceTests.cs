using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Synthetic;

namespace Iad.Dataset.Service.Tests;

public sealed class DatasetServiceTests : IDisposable
{
    private readonly DatasetHost _host = new();

    [Fact]
    public async Task Synthetic_dataset_is_generated_registered_and_described()
    {
        var client = _host.CreateGrpcClient();
        var generated = await client.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest { Name = "synth", Categories = 2, Seed = 1, ImageSize = 64 });
        var described = await client.DescribeDatasetAsync(new DescribeDatasetRequest { Name = "synth" });
        var listed = await client.ListDatasetsAsync(new ListDatasetsRequest());

        Assert.Equal(DatasetLayout.MvtecAd, generated.Dataset.Layout);
        Assert.Equal(2, generated.Dataset.Categories.Count);
        Assert.Equal("synth", Assert.Single(listed.Datasets).Name);
        var defaults = new SyntheticDatasetOptions();
        foreach (var category in described.Categories)
        {
            Assert.Equal(defaults.TrainGood, category.ImagesBySplitLabel["train/normal"]);
            Assert.Equal(defaults.TestGood, category.ImagesBySplitLabel["test/normal"]);
            Assert.Equal(defaults.TestDefective, category.ImagesBySplitLabel["test/anomalous"]);
            Assert.Equal(defaults.TestDefective, category.Masks);
            Assert.Equal(defaults.TestGood, category.ImagesByDefectType["good"]);
            Assert.Equal(defaults.TrainGood + defaults.TestGood + defaults.TestDefective, category.Samples);
        }
    }

    [Fact]
    public async Task Items_come_encoded_or_decoded_with_their_masks()
    {
        var client = _host.CreateGrpcClient();
        await client.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest { Name = "synth", Categories = 1, Seed = 2, ImageSize = 64 });
        var category = (await client.DescribeDatasetAsync(new DescribeDatasetRequest { Name = "synth" })).Categories[0];
        var defect = category.ImagesByDefectType.Keys.First(k => k != "good");
        var id = $"{category.Name}/test/{defect}/000";

        var encoded = (await client.GetItemAsync(new GetItemRequest { Dataset = "synth", Id = id, Format = ItemFormat.Encoded, IncludeMask = true })).Item;
        var floats = (await client.GetItemAsync(new GetItemRequest { Dataset = "synth", Id = id, Format = ItemFormat.Float32, ImageSize = 32, IncludeMask = true })).Item;
        var bytes = (await client.GetItemAsync(new GetItemRequest { Dataset = "synth", Id = id, Format = ItemFormat.Uint8, ImageSize = 32 })).Item;

        Assert.Equal(Label.Anomalous, encoded.Label);
        Assert.Equal(defect, encoded.DefectType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, encoded.Image.Encoded.Data.Span[..4].ToArray());
        Assert.Equal(64, encoded.Mask.Packed.Width);
        Assert.Equal([3L, 32, 32], floats.Image.Tensor.Shape);
        Assert.Equal(3 * 32 * 32 * 4, floats.Image.Tensor.Data.Length);
        Assert.Equal(32, floats.Mask.Packed.Width);
        Assert.Contains(floats.Mask.Packed.Bits.Span.ToArray(), b => b != 0);
        Assert.Equal(DataType.Uint8, bytes.Image.Tensor.Dtype);
        Assert.Equal(3 * 32 * 32, bytes.Image.Tensor.Data.Length);
        Assert.Null(bytes.Mask);
    }

    [Fact]
    public async Task Roots_outside_the_allowed_ones_are_refused()
    {
        var client = _host.CreateGrpcClient();
        var outside = Directory.CreateTempSubdirectory("iad-outside-").FullName;
        try
        {
            new SyntheticDatasetGenerator(new SyntheticDatasetOptions(Categories: 1, ImageSize: 32, TrainGood: 2, TestGood: 1, TestDefective: 1)).WriteMvTec(outside);
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
                await client.RegisterDatasetAsync(new RegisterDatasetRequest { Name = "x", Root = outside }));
            var traversal = await Assert.ThrowsAsync<RpcException>(async () =>
                await client.RegisterDatasetAsync(new RegisterDatasetRequest { Name = "y", Root = Path.Combine(_host.AllowedRoot, "..", Path.GetFileName(outside)) }));
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
            Assert.Equal(StatusCode.PermissionDenied, traversal.StatusCode);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task A_dataset_under_an_allowed_root_registers_with_its_detected_layout()
    {
        // Category names unknown to MVTec AD: detection falls back to the generic folder layout of the same shape.
        var root = Path.Combine(_host.AllowedRoot, "mine");
        new SyntheticDatasetGenerator(new SyntheticDatasetOptions(Categories: 2, ImageSize: 32, TrainGood: 3, TestGood: 2, TestDefective: 2)).WriteMvTec(root);
        var client = _host.CreateGrpcClient();

        var registered = await client.RegisterDatasetAsync(new RegisterDatasetRequest { Name = "mine", Root = root });
        var badName = await Assert.ThrowsAsync<RpcException>(async () => await client.RegisterDatasetAsync(new RegisterDatasetRequest { Name = "Bad Name", Root = root }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await client.DescribeDatasetAsync(new DescribeDatasetRequest { Name = "nope" }));

        Assert.Equal(DatasetLayout.Folder, registered.Dataset.Layout);
        Assert.Equal(StatusCode.InvalidArgument, badName.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
