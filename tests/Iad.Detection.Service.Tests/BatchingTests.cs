using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;

namespace Iad.Detection.Service.Tests;

public sealed class BatchingTests : IDisposable
{
    private readonly DetectionHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Concurrent_requests_coalesce_into_batches()
    {
        await _host.LoadAsync("coalesce.onnx", TestDetectors.Create(),
            new BatchingOptions { MaxBatchSize = 8, MaxQueueDelayUs = 200_000 });
        var calls = Enumerable.Range(0, 8)
            .Select(i => _host.Client.DetectAsync(new DetectRequest { ModelId = "coalesce", Images = { TestImages.Float32(i) } }).ResponseAsync)
            .ToList();
        var responses = await Task.WhenAll(calls);
        Assert.Contains(responses, r => r.Timing.BatchSize > 1);
        var stats = await _host.Client.GetModelStatsAsync(new GetModelStatsRequest { ModelId = "coalesce" });
        Assert.Equal(8, stats.Images);
        Assert.True(stats.MeanBatchSize > 1, $"mean batch size {stats.MeanBatchSize}");
    }

    [Fact]
    public async Task A_lone_request_waits_about_the_max_queue_delay_and_no_longer()
    {
        const int delayUs = 150_000;
        await _host.LoadAsync("lonely.onnx", TestDetectors.Create(), new BatchingOptions { MaxBatchSize = 16, MaxQueueDelayUs = delayUs });
        var response = await _host.Client.DetectAsync(new DetectRequest { ModelId = "lonely", Images = { TestImages.Float32(1) } });
        Assert.Equal(1, response.Timing.BatchSize);
        // The batch cannot close before the delay; the upper bound leaves room for a busy test machine.
        Assert.InRange(response.Timing.QueueUs, delayUs * 9 / 10, delayUs + 2_000_000);
    }

    [Fact]
    public async Task A_full_batch_runs_without_waiting_for_the_delay()
    {
        await _host.LoadAsync("full.onnx", TestDetectors.Create(), new BatchingOptions { MaxBatchSize = 4, MaxQueueDelayUs = 1_000_000 });
        var request = new DetectRequest { ModelId = "full" };
        for (var i = 0; i < 4; i++) request.Images.Add(TestImages.Float32(i));
        var response = await _host.Client.DetectAsync(request);
        Assert.Equal(4, response.Timing.BatchSize);
        Assert.True(response.Timing.QueueUs < 900_000, $"queued {response.Timing.QueueUs} µs");
    }

    [Fact]
    public async Task Requests_beyond_the_queue_limit_fail_with_resource_exhausted()
    {
        await _host.LoadAsync("small-queue.onnx", TestDetectors.Create(), new BatchingOptions { MaxQueueSize = 2 });
        var request = new DetectRequest { ModelId = "small-queue" };
        for (var i = 0; i < 3; i++) request.Images.Add(TestImages.Float32(i));
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.DetectAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("limit 2", error.Status.Detail);
    }

    [Fact]
    public async Task Images_whose_deadline_passes_in_the_queue_are_dropped_before_compute()
    {
        // The deadline is long enough that the call is surely under way when it passes, even on a loaded machine
        // (a deadline that fires while the in-memory call is still starting surfaces as INTERNAL on the client).
        await _host.LoadAsync("expiring.onnx", TestDetectors.Create(), new BatchingOptions { MaxBatchSize = 16, MaxQueueDelayUs = 1_000_000 });
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.DetectAsync(
            new DetectRequest { ModelId = "expiring", Images = { TestImages.Float32(1) } },
            deadline: DateTime.UtcNow.AddMilliseconds(400)).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        // Once the batch would have closed, the expired image must not have been computed.
        await Task.Delay(1500);
        var stats = await _host.Client.GetModelStatsAsync(new GetModelStatsRequest { ModelId = "expiring" });
        Assert.Equal(0, stats.Images);
        var metrics = await _host.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("iad_detection_errors_total{model=\"expiring\",provider=\"cpu\",code=\"DeadlineExceeded\"}", metrics);
    }
}
