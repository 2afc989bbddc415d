using Iad.Contracts.V1;
using Iad.Detection.Service.Telemetry;
using Iad.Detection.Service.Tests.Support;

namespace Iad.Detection.Service.Tests;

public sealed class MetricsEndpointTests : IDisposable
{
    private readonly DetectionHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Histograms_counters_and_gauges_carry_model_and_provider_labels()
    {
        await _host.LoadAsync("scraped.onnx", TestDetectors.Create(bankBytes: 8192));
        await _host.Client.DetectAsync(new DetectRequest { ModelId = "scraped", Images = { TestImages.Float32(1), TestImages.Float32(2) } });
        await Assert.ThrowsAnyAsync<Exception>(() =>
            _host.Client.DetectAsync(new DetectRequest { ModelId = "scraped", Images = { new Image() } }).ResponseAsync);

        var text = await _host.CreateClient().GetStringAsync("/metrics");
        const string labels = "model=\"scraped\",provider=\"cpu\"";
        foreach (var histogram in new[]
                 {
                     "iad_detection_request_duration_seconds", "iad_detection_queue_duration_seconds",
                     "iad_detection_compute_duration_seconds", "iad_detection_batch_size",
                 })
        {
            Assert.Contains($"{histogram}_bucket{{{labels},le=", text);
            Assert.Contains($"{histogram}_sum{{{labels}}}", text);
            Assert.Contains($"{histogram}_count{{{labels}}}", text);
        }
        Assert.Contains($"iad_detection_images_total{{{labels}}} 2", text);
        Assert.Contains($"iad_detection_inferences_total{{{labels}}} 2", text);
        Assert.Contains($"iad_detection_executions_total{{{labels}}}", text);
        Assert.Contains($"iad_detection_errors_total{{{labels},code=\"InvalidArgument\"}} 1", text);
        Assert.Contains($"iad_detection_pending_requests{{{labels}}} 0", text);
        Assert.Contains($"iad_detection_model_bank_bytes{{{labels}}} 8192", text);
        Assert.Contains($"iad_detection_model_bytes{{{labels}}}", text);
        Assert.Contains("iad_detection_process_resident_memory_bytes ", text);
        // GPU series exist exactly when NVML can be opened; elsewhere they are simply absent.
        if (NvmlMemoryReader.TryOpen() is null) Assert.DoesNotContain("iad_detection_gpu_memory_used_bytes{", text);
        else Assert.Contains("iad_detection_gpu_memory_used_bytes{gpu=\"0\"}", text);
    }
}
