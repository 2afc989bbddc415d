using Grpc.Net.Client;
using Iad.Contracts.V1;
using Iad.Metrics.Service.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Iad.Metrics.Service.Tests;

/// <summary>The metrics service in memory, with its SQLite store in a fresh folder.</summary>
public sealed class MetricsHost : WebApplicationFactory<MetricsGrpcService>
{
    public string DataDir { get; } = Directory.CreateTempSubdirectory("iad-metrics-test-").FullName;

    public MetricsService.MetricsServiceClient CreateGrpcClient() =>
        new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() }));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Iad:DataDir", DataDir);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(DataDir)) Directory.Delete(DataDir, recursive: true);
    }
}
