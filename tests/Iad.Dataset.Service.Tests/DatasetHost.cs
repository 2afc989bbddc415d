using Grpc.Net.Client;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Iad.Dataset.Service.Tests;

/// <summary>
/// The dataset service in memory with one extra allowed root and a data directory: a fresh one it deletes on dispose,
/// or a given one it leaves alone (to start a second instance on the same state).
/// </summary>
public sealed class DatasetHost(string? dataDir = null, string? allowedRoot = null) : WebApplicationFactory<DatasetGrpcService>
{
    private readonly bool _ownsDirectories = dataDir is null;

    public string DataDir { get; } = dataDir ?? Directory.CreateTempSubdirectory("iad-dataset-test-").FullName;

    public string AllowedRoot { get; } = allowedRoot ?? Directory.CreateTempSubdirectory("iad-dataset-allowed-").FullName;

    public DatasetService.DatasetServiceClient CreateGrpcClient() =>
        new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler(), MaxReceiveMessageSize = 64 << 20 }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Iad:DataDir", DataDir);
        builder.UseSetting("Iad:Dataset:AllowedRoots:0", AllowedRoot);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsDirectories) return;
        foreach (var directory in new[] { DataDir, AllowedRoot })
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
