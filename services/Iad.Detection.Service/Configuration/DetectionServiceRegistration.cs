using Grpc.Core;
using Iad.Detection.Service.Inference;
using Iad.Detection.Service.Inputs;
using Iad.Detection.Service.KServe;
using Iad.Detection.Service.Models;
using Iad.Detection.Service.Protocol;
using Iad.Detection.Service.Scheduling;
using Iad.Detection.Service.Telemetry;
using Iad.Hosting;
using Iad.Hosting.Interceptors;
using Iad.Hosting.ServiceInfo;
using Iad.Imaging.Decoding;
using Iad.Onnx.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iad.Detection.Service.Configuration;

/// <summary>Composition of the detection service: settings, repository, engine, telemetry and status-code mapping.</summary>
public static class DetectionServiceRegistration
{
    /// <summary>Registers the detection components, bound to <see cref="DetectionOptions.SectionName"/>.</summary>
    public static IServiceCollection AddDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DetectionOptions>().Bind(configuration.GetSection(DetectionOptions.SectionName));
        services.AddSingleton(sp => new ResourceMonitor(
            TimeSpan.FromMilliseconds(Math.Max(10, sp.GetRequiredService<IOptions<DetectionOptions>>().Value.MemorySampleIntervalMs))));
        services.AddSingleton(sp =>
        {
            var hosting = sp.GetRequiredService<IOptions<IadHostingOptions>>().Value;
            return new ModelCache(Path.Combine(hosting.DataDir!, "models"));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DetectionOptions>>().Value;
            var registry = string.IsNullOrWhiteSpace(options.TrainingAddress)
                ? null
                : new TrainingRegistryClient(options.TrainingAddress, options.DownloadChunkBytes);
            return new ModelFileResolver(options, sp.GetRequiredService<ModelCache>(), registry);
        });
        services.AddSingleton(sp => new ModelRepository(
            sp.GetRequiredService<ModelFileResolver>(), sp.GetRequiredService<ResourceMonitor>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new ImageInputReader(new DecodeOptions(sp.GetRequiredService<IOptions<DetectionOptions>>().Value.MaxDecodedPixels)));
        services.AddSingleton<DetectionEngine>();
        return services;
    }

    /// <summary>
    /// Maps the detection gRPC services (iad.v1 DetectionService and the KServe v2 inference.GRPCInferenceService over
    /// the same models) and registers the status codes of their exceptions.
    /// </summary>
    public static WebApplication MapDetection(this WebApplication app)
    {
        app.Services.GetRequiredService<ExceptionStatusMap>()
            .Map<ModelNotLoadedException>(StatusCode.NotFound)
            .Map<ModelIntegrityException>(StatusCode.DataLoss)
            .Map<ModelSourceException>(StatusCode.FailedPrecondition)
            .Map<ModelContractException>(StatusCode.FailedPrecondition)
            .Map<ExecutionProviderUnavailableException>(StatusCode.FailedPrecondition)
            .Map<InvalidImageException>(StatusCode.InvalidArgument)
            .Map<ImageTooLargeException>(StatusCode.ResourceExhausted)
            .Map<QueueFullException>(StatusCode.ResourceExhausted)
            .Map<SchedulerStoppedException>(StatusCode.Unavailable)
            .Map<RequestExpiredException>(StatusCode.DeadlineExceeded);
        app.MapGrpcService<DetectionGrpcService>();
        app.MapGrpcService<KServeInferenceService>();
        app.Services.GetRequiredService<ServiceIdentity>().AddCapability("protocol:kserve.v2");
        return app;
    }
}
