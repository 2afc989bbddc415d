using System.Diagnostics;
using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Streaming;
using Iad.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace Iad.Dataset.Service.Tests;

/// <summary>Runs alone: the memory figure is process-wide, so other tests must not allocate meanwhile.</summary>
[CollectionDefinition(nameof(StreamFlowControlTests), DisableParallelization = true)]
public sealed class MemoryMeasuringCollection;

[Collection(nameof(StreamFlowControlTests))]
public sealed class StreamFlowControlTests : IDisposable
{
    private const int SplitImages = 2000;
    private readonly DatasetHost _host = new();

    [Fact]
    public async Task A_slow_reader_keeps_the_server_bounded_and_cancelling_stops_the_producer()
    {
        var root = Path.Combine(_host.AllowedRoot, "big");
        new SyntheticDatasetGenerator(new SyntheticDatasetOptions(Categories: 1, ImageSize: 32, TrainGood: SplitImages, TestGood: 1, TestDefective: 1)).WriteMvTec(root);
        var client = _host.CreateGrpcClient();
        await client.RegisterDatasetAsync(new RegisterDatasetRequest { Name = "big", Root = root, Layout = DatasetLayout.MvtecAd });
        var spec = new SettingSpec { Dataset = "big", Input = new InputOptions { ImageSize = 32 } };
        var sha = (await client.BuildSettingAsync(new BuildSettingRequest { Spec = spec })).Sha256;
        var streamer = _host.Services.GetRequiredService<SplitStreamer>();
        var wholeSplitBytes = SplitImages * 3L * 32 * 32 * sizeof(float);

        using var cancel = new CancellationTokenSource();
        var call = client.StreamSplit(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Train, Format = ItemFormat.Float32 }, cancellationToken: cancel.Token);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(SplitImages, call.ResponseStream.Current.Header.ItemCount);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(i, call.ResponseStream.Current.Item.Index);
            await Task.Delay(50);
        }
        var growth = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        var prepared = streamer.ItemsPrepared;

        Assert.Equal(1, streamer.ActiveProducers);
        Assert.True(prepared < 200, $"{prepared} images rendered while the client read 20");
        Assert.True(growth < wholeSplitBytes / 10, $"{prepared} rendered; managed memory grew by {growth} bytes; the split is {wholeSplitBytes} bytes of tensors");

        await cancel.CancelAsync();
        call.Dispose();
        var stopwatch = Stopwatch.StartNew();
        while (streamer.ActiveProducers > 0 && stopwatch.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        var afterCancel = streamer.ItemsPrepared;
        await Task.Delay(300);

        Assert.Equal(0, streamer.ActiveProducers);
        Assert.Equal(afterCancel, streamer.ItemsPrepared);
        Assert.True(afterCancel < 200, $"{afterCancel} images rendered in all");
    }

    [Fact]
    public async Task Multi_view_samples_stream_one_item_per_view_with_the_views_consecutive()
    {
        var root = Path.Combine(_host.AllowedRoot, "multi");
        new SyntheticDatasetGenerator(new SyntheticDatasetOptions(Categories: 1, ImageSize: 256, TrainGood: 3, TestGood: 2, TestDefective: 2)).WriteRealIad(root);
        var client = _host.CreateGrpcClient();
        await client.RegisterDatasetAsync(new RegisterDatasetRequest { Name = "multi", Root = root, Layout = DatasetLayout.RealIad });
        var sha = (await client.BuildSettingAsync(new BuildSettingRequest { Spec = new SettingSpec { Dataset = "multi", Input = new InputOptions { ImageSize = 32 } } })).Sha256;

        var (header, items) = await SplitReader.ReadAllAsync(client.StreamSplit(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Test, Format = ItemFormat.Uint8 }));

        Assert.Equal(4 * 5, header.ItemCount);
        Assert.Equal(20, items.Count);
        var samples = items.Select(i => i.Item.SampleId).Chunk(5).ToList();
        Assert.All(samples, views => Assert.Single(views.Distinct()));
        Assert.Equal(4, samples.Select(s => s[0]).Distinct().Count());
        Assert.All(items, i => Assert.Equal($"{i.Item.SampleId}/{i.Item.ViewId}", i.Item.Id));
        Assert.Equal(["C1", "C2", "C3", "C4", "C5"], items.Take(5).Select(i => i.Item.ViewId));
    }

    public void Dispose() => _host.Dispose();
}
