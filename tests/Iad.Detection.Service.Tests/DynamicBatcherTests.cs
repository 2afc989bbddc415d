using System.Diagnostics;
using Iad.Detection.Service.Backends;
using Iad.Detection.Service.Scheduling;
using Iad.Detection.Service.Telemetry;
using Iad.Detection.Service.Tests.Support;
using Iad.Onnx.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Iad.Detection.Service.Tests;

public sealed class DynamicBatcherTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"iad-batcher-{Guid.NewGuid():N}.onnx");

    public DynamicBatcherTests() => File.WriteAllBytes(_path, TestDetectors.Create());

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Stopping_drains_queued_images_then_refuses_new_work_as_unavailable()
    {
        using var backend = OnnxDetectorBackend.Open(_path, new SessionSettings { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 }, 4);
        var limits = new BatchingLimits(4, TimeSpan.FromSeconds(5), 16);
        var batcher = new DynamicBatcher(backend, limits, new ModelTelemetry("batcher-unit", "cpu"), NullLogger.Instance);
        var image = TestImages.Pixels(1);
        batcher.Reserve(2);
        var items = Enumerable.Range(0, 2).Select(_ => new InferenceItem(image, wantsMap: true, long.MaxValue, CancellationToken.None)).ToList();
        foreach (var item in items) batcher.Enqueue(item);

        var started = Stopwatch.GetTimestamp();
        await batcher.StopAsync();
        await Task.WhenAll(items.Select(i => i.Completion));
        // Stopping closes the partial batch at once instead of waiting out the 5 s delay.
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(4));
        Assert.All(items, i => Assert.Equal(2, i.BatchSize));
        Assert.Equal(TestDetectors.Size * TestDetectors.Size, items[0].Map.Length);
        Assert.Equal(0, batcher.Pending);
        Assert.Throws<SchedulerStoppedException>(() => batcher.Reserve(1));
        foreach (var item in items) item.ReturnMap();
    }

    [Fact]
    public async Task Cancelled_images_are_dropped_before_compute()
    {
        using var backend = OnnxDetectorBackend.Open(_path, new SessionSettings { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 }, 2);
        var telemetry = new ModelTelemetry("batcher-cancel", "cpu");
        var batcher = new DynamicBatcher(backend, new BatchingLimits(2, TimeSpan.FromMilliseconds(200), 4), telemetry, NullLogger.Instance);
        using var cancel = new CancellationTokenSource();
        batcher.Reserve(1);
        var item = new InferenceItem(TestImages.Pixels(2), wantsMap: false, long.MaxValue, cancel.Token);
        batcher.Enqueue(item);
        cancel.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => item.Completion);
        await batcher.StopAsync();
        Assert.Equal(0, telemetry.Statistics.Images);
    }

    [Fact]
    public async Task A_request_that_fills_a_batch_runs_at_once_only_when_nothing_else_holds_a_slot()
    {
        using var backend = OnnxDetectorBackend.Open(_path, new SessionSettings { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 }, 2);
        var telemetry = new ModelTelemetry("batcher-now", "cpu");
        var batcher = new DynamicBatcher(backend, new BatchingLimits(2, TimeSpan.FromSeconds(5), 8), telemetry, NullLogger.Instance);
        InferenceItem[] Items(int count) => [.. Enumerable.Range(0, count).Select(i => new InferenceItem(TestImages.Pixels(i), false, long.MaxValue, CancellationToken.None))];

        batcher.Reserve(1);
        Assert.False(batcher.TryRunNow(Items(1)));
        batcher.Release(1);

        batcher.Reserve(2);
        var full = Items(2);
        Assert.True(batcher.TryRunNow(full));
        Assert.All(full, item => Assert.True(item.Completion.IsCompletedSuccessfully));
        Assert.Equal(2, full[0].BatchSize);
        Assert.Equal(0, batcher.Pending);

        // An image already waiting for company comes first: a later full batch must queue behind it.
        batcher.Reserve(1);
        var waiting = Items(1)[0];
        batcher.Enqueue(waiting);
        batcher.Reserve(2);
        Assert.False(batcher.TryRunNow(Items(2)));
        batcher.Release(2);
        await batcher.StopAsync();
        await waiting.Completion;
        Assert.Equal(3, telemetry.Statistics.Images);
    }
}
