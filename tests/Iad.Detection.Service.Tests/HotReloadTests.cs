using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;

namespace Iad.Detection.Service.Tests;

public sealed class HotReloadTests : IDisposable
{
    private readonly DetectionHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Swapping_versions_under_concurrent_load_fails_no_request()
    {
        var image = TestImages.Pixels(1);
        var baseScore = DirectOrt.Run(TestDetectors.Create(), image, 1).Scores[0];
        await _host.LoadAsync("v1/swap.onnx", TestDetectors.Create(offset: 0f), new BatchingOptions { MaxQueueDelayUs = 500 });

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var served = 0;
        var unexpected = 0;
        var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await _host.Client.DetectAsync(new DetectRequest { ModelId = "swap", Images = { TestImages.Float32(image) } });
                    var offset = response.Detections[0].Score - baseScore;
                    if (Math.Abs(offset) > 1e-5 && Math.Abs(offset - 1) > 1e-5 && Math.Abs(offset - 2) > 1e-5) Interlocked.Increment(ref unexpected);
                    Interlocked.Increment(ref served);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        await Task.Delay(100);
        await _host.LoadAsync("v2/swap.onnx", TestDetectors.Create(offset: 1f), new BatchingOptions { MaxQueueDelayUs = 500 });
        await Task.Delay(100);
        await _host.LoadAsync("v3/swap.onnx", TestDetectors.Create(offset: 2f), new BatchingOptions { MaxQueueDelayUs = 500 });
        await Task.Delay(100);
        stop.Cancel();
        await Task.WhenAll(workers);

        Assert.Equal(0, failures);
        Assert.Equal(0, unexpected);
        Assert.True(served > 16, $"only {served} requests served");
        var listed = Assert.Single((await _host.Client.ListLoadedModelsAsync(new ListLoadedModelsRequest())).Models);
        var after = await _host.Client.DetectAsync(new DetectRequest { ModelId = "swap", Images = { TestImages.Float32(image) } });
        Assert.Equal(listed.ModelId, after.ModelId);
        Assert.Equal(baseScore + 2f, after.Detections[0].Score, 5);
    }
}
