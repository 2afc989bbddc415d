using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;

namespace Iad.Detection.Service.Tests;

public sealed class RegistryPullTests : IAsyncLifetime
{
    private FakeTrainingRegistry _registry = null!;
    private DetectionHost _host = null!;

    public async Task InitializeAsync()
    {
        _registry = await FakeTrainingRegistry.StartAsync();
        _host = new DetectionHost(("Iad:Detection:TrainingAddress", _registry.Address));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task Pulled_models_are_verified_cached_by_sha256_and_reused()
    {
        var bytes = TestDetectors.Create(offset: 0.25f);
        var record = _registry.Models.Add("pulled", 3, bytes);

        var first = await _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = "pulled", Provider = ProviderPreference.Cpu });
        Assert.False(first.CacheHit);
        Assert.Equal("pulled@3", first.Model.ModelId);
        Assert.Equal(bytes.Length, first.Model.ModelBytes);
        Assert.Equal(7, first.Model.BankRows);
        var cached = Path.Combine(_host.DataDir, "models", record.Sha256 + ".onnx");
        Assert.Equal(bytes, File.ReadAllBytes(cached));
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.DataDir, "models"), "*.tmp"));

        var second = await _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = "pulled@3", Provider = ProviderPreference.Cpu });
        Assert.True(second.CacheHit);
        Assert.Equal(1, _registry.Models.Downloads);

        var pixels = TestImages.Pixels(4);
        var response = await _host.Client.DetectAsync(new DetectRequest { ModelId = "pulled@3", Images = { TestImages.Float32(pixels) } });
        Assert.Equal(DirectOrt.Run(bytes, pixels, 1).Scores[0], response.Detections[0].Score);
    }

    [Fact]
    public async Task A_tampered_cache_file_is_downloaded_again()
    {
        var bytes = TestDetectors.Create();
        var record = _registry.Models.Add("tampered", 1, bytes);
        await _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = "tampered@1", Provider = ProviderPreference.Cpu });
        var cached = Path.Combine(_host.DataDir, "models", record.Sha256 + ".onnx");
        var damaged = File.ReadAllBytes(cached);
        damaged[^1] ^= 0xFF;
        File.WriteAllBytes(cached, damaged);

        var again = await _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = "tampered@1", Provider = ProviderPreference.Cpu });
        Assert.False(again.CacheHit);
        Assert.Equal(2, _registry.Models.Downloads);
        Assert.Equal(bytes, File.ReadAllBytes(cached));
    }

    [Fact]
    public async Task A_corrupted_download_is_refused_and_nothing_is_cached()
    {
        _registry.Models.Add("corrupt", 1, TestDetectors.Create());
        _registry.Models.CorruptDownloads = true;
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = "corrupt@1" }).ResponseAsync);
        Assert.Equal(StatusCode.DataLoss, error.StatusCode);
        Assert.Contains("SHA-256", error.Status.Detail);
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.DataDir, "models")));
        Assert.Empty((await _host.Client.ListLoadedModelsAsync(new ListLoadedModelsRequest())).Models);
    }

    [Fact]
    public async Task Registry_errors_reach_the_client_with_their_status()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.LoadModelAsync(new LoadModelRequest { ModelId = "absent@1" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
