using Grpc.Core;
using Iad.Dataset.Service.Catalog;
using Iad.Dataset.Service.Manifests;
using Iad.Dataset.Service.Services;
using Iad.Dataset.Service.Streaming;
using Iad.Datasets.Errors;
using Iad.Hosting.Interceptors;
using Iad.Imaging.Decoding;

namespace Iad.Dataset.Service.Composition;

/// <summary>The dataset service's registrations and endpoint, shared by its Program and by hosts that embed it.</summary>
public static class DatasetServiceComposition
{
    /// <summary>Catalog (section <c>Iad:Dataset</c>), manifest store and split streamer.</summary>
    public static IServiceCollection AddDatasetService(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatasetCatalogOptions>(configuration.GetSection(DatasetCatalogOptions.SectionName));
        services.AddSingleton<DatasetCatalog>();
        services.AddSingleton<ManifestStore>();
        services.AddSingleton<SplitStreamer>();
        return services;
    }

    /// <summary>Maps library exceptions to gRPC status codes and maps the gRPC service.</summary>
    public static WebApplication MapDatasetService(this WebApplication app)
    {
        app.Services.GetRequiredService<ExceptionStatusMap>()
            .Map<PathEscapeException>(StatusCode.PermissionDenied)
            .Map<RootNotAllowedException>(StatusCode.PermissionDenied)
            .Map<DatasetNotFoundException>(StatusCode.NotFound)
            .Map<UnknownLayoutException>(StatusCode.InvalidArgument)
            .Map<DatasetException>(StatusCode.FailedPrecondition)
            .Map<ImageDecodeException>(StatusCode.InvalidArgument)
            .Map<ManifestIntegrityException>(StatusCode.DataLoss);
        app.MapGrpcService<DatasetGrpcService>();
        return app;
    }
}
