using System.Runtime.InteropServices;
using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Dataset.Service.Tests;

public sealed class StreamSplitTests : IDisposable
{
    private readonly DatasetHost _host = new();
    private DatasetService.DatasetServiceClient? _client;

    private async Task<DatasetService.DatasetServiceClient> ClientAsync()
    {
        if (_client is not null) return _client;
        _client = _host.CreateGrpcClient();
        await _client.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest { Name = "synth", Categories = 1, Seed = 6, ImageSize = 64 });
        return _client;
    }

    private async Task<string> BuildAsync(bool drift = false, int seed = 0)
    {
        var client = await ClientAsync();
        var spec = new SettingSpec { Dataset = "synth", Seed = seed, Input = new InputOptions { ImageSize = 64 }, Drift = new DriftOptions { Enabled = drift } };
        return (await client.BuildSettingAsync(new BuildSettingRequest { Spec = spec })).Sha256;
    }

    private async Task<(SplitHeader Header, List<SplitReader.StreamedItem> Items)> StreamAsync(StreamSplitRequest request) =>
        await SplitReader.ReadAllAsync((await ClientAsync()).StreamSplit(request));

    [Fact]
    public async Task Test_split_streams_in_manifest_order_as_float_tensors_with_masks_of_anomalous_images()
    {
        var sha = await BuildAsync();
        var manifest = (await (await ClientAsync()).GetManifestAsync(new GetManifestRequest { Sha256 = sha })).Manifest;
        var expected = manifest.Tasks[0].Splits.Single(s => s.Split == Split.Test).Items;

        var (header, items) = await StreamAsync(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Test, Format = ItemFormat.Float32, IncludeMasks = true });

        Assert.Equal(expected.Count, header.ItemCount);
        Assert.Equal(64, header.ImageSize);
        Assert.Equal(manifest.Tasks[0].Name, header.TaskName);
        Assert.Equal(expected.Select(i => i.Id), items.Select(i => i.Item.Id));
        Assert.Equal(Enumerable.Range(0, expected.Count), items.Select(i => i.Item.Index));
        Assert.Equal(expected.Select(i => i.Label), items.Select(i => i.Item.Label));
        foreach (var (item, payload, chunks) in items)
        {
            Assert.Equal(0, chunks);
            Assert.Equal(DataType.Float32, item.Image.Tensor.Dtype);
            Assert.Equal([3L, 64, 64], item.Image.Tensor.Shape);
            Assert.Equal(3 * 64 * 64 * sizeof(float), payload.Length);
            Assert.All(MemoryMarshal.Cast<byte, float>(payload).ToArray(), v => Assert.InRange(v, 0f, 1f));
            if (item.Label != Label.Anomalous) continue;
            Assert.NotEqual("good", item.DefectType);
            Assert.Equal((64, 64), (item.Mask.Packed.Width, item.Mask.Packed.Height));
            Assert.Contains(item.Mask.Packed.Bits.ToByteArray(), b => b != 0);
        }
        Assert.Contains(items, i => i.Item.Label == Label.Anomalous);
    }

    [Fact]
    public async Task Drifted_test_images_differ_from_undrifted_ones_and_geometric_drift_moves_masks()
    {
        var plain = await StreamAsync(new StreamSplitRequest { ManifestSha256 = await BuildAsync(), Split = Split.Test, Format = ItemFormat.Uint8, IncludeMasks = true });
        var drifted = await StreamAsync(new StreamSplitRequest { ManifestSha256 = await BuildAsync(drift: true), Split = Split.Test, Format = ItemFormat.Uint8, IncludeMasks = true });

        Assert.Equal(plain.Items.Select(i => i.Item.Id), drifted.Items.Select(i => i.Item.Id));
        Assert.All(plain.Items, i => Assert.Empty(i.Item.Perturbations));
        Assert.All(drifted.Items, i => Assert.InRange(i.Item.Perturbations.Count, 1, 2));
        var changed = plain.Items.Zip(drifted.Items).Count(pair => !pair.First.Payload.AsSpan().SequenceEqual(pair.Second.Payload));
        Assert.True(changed >= drifted.Items.Count * 9 / 10, $"{changed} of {drifted.Items.Count} drifted images differ");
        var moved = plain.Items.Zip(drifted.Items).Count(pair =>
            pair.First.Item.Mask is not null
            && pair.Second.Item.Perturbations.Any(p => p.Kind is "rotation" or "random_crop" or "perspective")
            && pair.First.Item.Mask.Packed.Bits != pair.Second.Item.Mask.Packed.Bits);
        Assert.True(moved > 0);
    }

    [Fact]
    public async Task Small_chunks_reassemble_to_the_unchunked_payloads()
    {
        var sha = await BuildAsync();
        var whole = await StreamAsync(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Train, Format = ItemFormat.Float32, Limit = 6 });
        var chunked = await StreamAsync(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Train, Format = ItemFormat.Float32, Limit = 6, MaxChunkBytes = 4096 });

        Assert.Equal(6, chunked.Items.Count);
        for (var i = 0; i < whole.Items.Count; i++)
        {
            var item = chunked.Items[i].Item;
            Assert.True(item.Chunked);
            Assert.Null(item.Image);
            Assert.Equal(3 * 64 * 64 * sizeof(float), item.PayloadBytes);
            Assert.Equal(DataType.Float32, item.PayloadHeader.Dtype);
            Assert.Equal([3L, 64, 64], item.PayloadHeader.Shape);
            Assert.True(item.PayloadHeader.Data.IsEmpty);
            Assert.Equal(12, chunked.Items[i].Chunks);
            Assert.Equal(whole.Items[i].Payload, chunked.Items[i].Payload);
        }
    }

    [Fact]
    public async Task Start_index_and_limit_select_a_window_of_the_split()
    {
        var sha = await BuildAsync();
        var all = await StreamAsync(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Train, Format = ItemFormat.Encoded });
        var window = await StreamAsync(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Train, Format = ItemFormat.Encoded, StartIndex = 5, Limit = 7 });
        var tail = await StreamAsync(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Train, Format = ItemFormat.Encoded, StartIndex = all.Items.Count - 2, Limit = 10 });

        Assert.Equal(7, window.Header.ItemCount);
        Assert.Equal(all.Items.Skip(5).Take(7).Select(i => (i.Item.Index, i.Item.Id)), window.Items.Select(i => (i.Item.Index, i.Item.Id)));
        Assert.Equal(all.Items[5].Payload, window.Items[0].Payload);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, window.Items[0].Payload[..4]);
        Assert.Equal(2, tail.Items.Count);
    }

    [Fact]
    public async Task Bad_stream_requests_are_refused_with_their_numbers()
    {
        var sha = await BuildAsync();
        var client = await ClientAsync();

        async Task<RpcException> Refused(StreamSplitRequest request) =>
            await Assert.ThrowsAsync<RpcException>(async () => await SplitReader.ReadAllAsync(client.StreamSplit(request)));

        var chunk = await Refused(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Test, MaxChunkBytes = 100 });
        var task = await Refused(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Test, TaskIndex = 3 });
        var split = await Refused(new StreamSplitRequest { ManifestSha256 = sha });
        var missing = await Refused(new StreamSplitRequest { ManifestSha256 = new string('a', 64), Split = Split.Test });

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.NotFound),
            (chunk.StatusCode, task.StatusCode, split.StatusCode, missing.StatusCode));
        Assert.Contains("100", chunk.Status.Detail);
        Assert.Contains("3", task.Status.Detail);
    }

    public void Dispose() => _host.Dispose();
}
