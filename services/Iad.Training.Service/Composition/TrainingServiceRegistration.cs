using Grpc.Core;
using Grpc.Net.Client;
using Iad.Client;
using Iad.Contracts.V1;
using Iad.Hosting;
using Iad.Hosting.Interceptors;
using Iad.Methods;
using Iad.Onnx.Runtime;
using Iad.Training.Service.Backbones;
using Iad.Training.Service.Configuration;
using Iad.Training.Service.Jobs;
using Iad.Training.Service.Pipeline;
using Iad.Training.Service.Registry;
using Iad.Training.Service.Services;
using Iad.Training.Service.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iad.Training.Service.Composition;

/// <summary>Composition of the training service: registry, backbones, dataset client, job board and workers.</summary>
public static class TrainingServiceRegistration
{
    public static IServiceCollection AddTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrainingOptions>().Bind(configuration.GetSection(TrainingOptions.SectionName));
        services.AddSingleton(sp => new ModelRegistry(Path.Combine(DataDir(sp), "registry")));
        services.AddSingleton(sp => new BackboneResolver(sp.GetRequiredService<IOptions<TrainingOptions>>().Value.BackboneRoot ?? Path.Combine(DataDir(sp), "backbones")));
        services.AddSingleton(sp => IadClient.CreateChannel(
            sp.GetRequiredService<IOptions<TrainingOptions>>().Value.DatasetAddress, new IadClientOptions()));
        services.AddSingleton(sp => new DatasetService.DatasetServiceClient(sp.GetRequiredService<GrpcChannel>()));
        services.AddSingleton<JobBoard>();
        services.AddSingleton<TrainingRunner>();
        services.AddHostedService<JobWorkers>();
        return services;
    }

    public static WebApplication MapTraining(this WebApplication app)
    {
        app.Services.GetRequiredService<ExceptionStatusMap>()
            .Map<ModelNotFoundException>(StatusCode.NotFound)
            .Map<JobNotFoundException>(StatusCode.NotFound)
            .Map<JobQueueFullException>(StatusCode.ResourceExhausted)
            .Map<RegistryConflictException>(StatusCode.FailedPrecondition)
            .Map<IncompatibleModelException>(StatusCode.FailedPrecondition)
            .Map<ModelContractException>(StatusCode.FailedPrecondition);
        TrainingMetrics.Initialise(app.Services.GetRequiredService<JobBoard>());
        app.MapGrpcService<TrainingGrpcService>();
        return app;
    }

    private static string DataDir(IServiceProvider services) =>
        services.GetRequiredService<IOptions<IadHostingOptions>>().Value.DataDir
        ?? throw new InvalidOperationException("The hosting defaults set no data directory.");
}
