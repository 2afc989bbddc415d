using Iad.Bench.Support;
using Iad.Dataset.Service.Composition;
using DatasetClient = Iad.Contracts.V1.DatasetService.DatasetServiceClient;

namespace Iad.Bench.DatasetService;

/// <summary>The dataset service on loopback, allowed to read datasets under one root.</summary>
internal static class LoopbackDatasetServer
{
    public static Task<LoopbackServer<DatasetClient>> StartAsync(string allowedRoot) =>
        LoopbackServer<DatasetClient>.StartAsync(
            "dataset", $"--Iad:Dataset:AllowedRoots:0={allowedRoot}",
            builder => builder.Services.AddDatasetService(builder.Configuration),
            app => app.MapDatasetService(),
            channel => new DatasetClient(channel));
}
