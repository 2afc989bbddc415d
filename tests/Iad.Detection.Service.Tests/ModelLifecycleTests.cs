using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;

namespace Iad.Detection.Service.Tests;

public sealed class ModelLifecycleTests : IDisposable
{
    private readonly DetectionHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_loaded_file_model_is_listed_with_provider_size_bank_and_batching()
    {
        var bytes = TestDetectors.Create(threshold: 0.6, bankBytes: 4096);
        var response = await _host.Client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = _host.WriteModel("listed.onnx", bytes),
            Provider = ProviderPreference.Cpu,
            IntraOpThreads = 1,
            Batching = new BatchingOptions { MaxBatchSize = 4 },
        });
        Assert.False(response.CacheHit);
        Assert.True(response.LoadSeconds > 0);

        var listed = Assert.Single((await _host.Client.ListLoadedModelsAsync(new ListLoadedModelsRequest())).Models);
        Assert.Equal(response.Model, listed);
        Assert.Equal("listed", listed.Name);
        Assert.StartsWith("listed@", listed.ModelId);
        Assert.Equal(ExecutionProvider.Cpu, listed.Provider);
        Assert.Equal(TestDetectors.Size, listed.InputSize);
        Assert.Equal(4096, listed.BankBytes);
        Assert.Equal(1024, listed.BankRows);
        Assert.Equal(bytes.Length, listed.ModelBytes);
        Assert.Equal(0.6, listed.Threshold);
        Assert.Equal(4, listed.Batching.MaxBatchSize);
        Assert.Equal(2000, listed.Batching.MaxQueueDelayUs);
        Assert.Equal(1024, listed.Batching.MaxQueueSize);
        Assert.Equal("channel_mean", listed.Metadata["iad.method"]);
    }

    [Fact]
    public async Task Unload_is_idempotent_and_later_requests_fail_with_not_found()
    {
        var model = await _host.LoadAsync("gone.onnx", TestDetectors.Create());
        await _host.Client.UnloadModelAsync(new UnloadModelRequest { ModelId = model.ModelId });
        await _host.Client.UnloadModelAsync(new UnloadModelRequest { ModelId = model.ModelId });
        Assert.Empty((await _host.Client.ListLoadedModelsAsync(new ListLoadedModelsRequest())).Models);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.DetectAsync(new DetectRequest { ModelId = "gone", Images = { TestImages.Float32(1) } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Models_are_addressed_by_name_or_exact_id_only()
    {
        var model = await _host.LoadAsync("named.onnx", TestDetectors.Create());
        await _host.Client.DetectAsync(new DetectRequest { ModelId = model.ModelId, Images = { TestImages.Float32(1) } });
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.DetectAsync(new DetectRequest { ModelId = "named@999", Images = { TestImages.Float32(1) } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains(model.ModelId, error.Status.Detail);
    }

    [Fact]
    public async Task Stats_report_images_latency_batches_and_memory_since_load()
    {
        var model = await _host.LoadAsync("stats.onnx", TestDetectors.Create());
        for (var i = 0; i < 3; i++)
            await _host.Client.DetectAsync(new DetectRequest { ModelId = "stats", Images = { TestImages.Float32(i), TestImages.Float32(i + 10) } });
        var stats = await _host.Client.GetModelStatsAsync(new GetModelStatsRequest { ModelId = "stats" });
        Assert.Equal(model.ModelId, stats.ModelId);
        Assert.Equal(ExecutionProvider.Cpu, stats.Provider);
        Assert.Equal(6, stats.Images);
        Assert.True(stats.LatencyP50Ms > 0 && stats.LatencyP50Ms <= stats.LatencyP95Ms && stats.LatencyP95Ms <= stats.LatencyP99Ms);
        Assert.True(stats.ComputeP50Ms > 0 && stats.ComputeP50Ms <= stats.ComputeP99Ms);
        Assert.True(stats.MeanBatchSize >= 1);
        Assert.True(stats.ThroughputImagesPerSecond > 0);
        Assert.True(stats.PeakHostBytes > 0);
        Assert.False(stats.HasPeakGpuBytes);
        Assert.True(stats.SecondsSinceLoad > 0);
    }

    [Theory]
    [InlineData("file:../outside.onnx", StatusCode.PermissionDenied)]
    [InlineData("file:missing.onnx", StatusCode.NotFound)]
    [InlineData("", StatusCode.InvalidArgument)]
    [InlineData("bad name!", StatusCode.InvalidArgument)]
    [InlineData("registry-model@3", StatusCode.FailedPrecondition)]
    public async Task Unusable_model_ids_are_refused_with_the_right_code(string modelId, StatusCode expected)
    {
        File.WriteAllBytes(Path.Combine(_host.Root, "outside.onnx"), TestDetectors.Create());
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = modelId }).ResponseAsync);
        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task A_symlink_escaping_the_model_root_is_refused()
    {
        var outside = Path.Combine(_host.Root, "target.onnx");
        File.WriteAllBytes(outside, TestDetectors.Create());
        File.CreateSymbolicLink(Path.Combine(_host.ModelRoot, "link.onnx"), outside);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = "file:link.onnx" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Files_that_are_not_detectors_fail_with_failed_precondition()
    {
        foreach (var (name, bytes) in new[] { ("garbage.onnx", "not an onnx model"u8.ToArray()), ("nomap.onnx", TestDetectors.WithoutMap()) })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() =>
                _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = _host.WriteModel(name, bytes) }).ResponseAsync);
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        }
    }

    [Fact]
    public async Task Requiring_cuda_without_it_fails_with_failed_precondition()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = _host.WriteModel("cuda.onnx", TestDetectors.Create()),
            Provider = ProviderPreference.Cuda,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("CUDA", error.Status.Detail);
    }

    [Theory]
    [InlineData(257, 0, 0)]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -5, 0)]
    [InlineData(0, 0, -1)]
    public async Task Out_of_range_batching_limits_are_invalid(int maxBatch, int delayUs, int queue)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = _host.WriteModel("limits.onnx", TestDetectors.Create()),
            Batching = new BatchingOptions { MaxBatchSize = maxBatch, MaxQueueDelayUs = delayUs, MaxQueueSize = queue },
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Local_files_are_refused_when_no_root_is_configured()
    {
        using var host = new DetectionHost(("Iad:Detection:LocalModelRoot", ""));
        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = host.WriteModel("any.onnx", TestDetectors.Create()),
        }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
