using Iad.Bench.Support;
using Iad.Contracts.V1;
using Iad.Detection.Service.Configuration;

namespace Iad.Bench.Detection;

/// <summary>The detection service on loopback, loading <c>file:</c> models from one root.</summary>
internal static class LoopbackDetectionServer
{
    public static Task<LoopbackServer<DetectionService.DetectionServiceClient>> StartAsync(string modelRoot) =>
        LoopbackServer<DetectionService.DetectionServiceClient>.StartAsync(
            "detection", $"--Iad:Detection:LocalModelRoot={modelRoot}",
            builder => builder.Services.AddDetection(builder.Configuration),
            app => app.MapDetection(),
            channel => new DetectionService.DetectionServiceClient(channel));
}
