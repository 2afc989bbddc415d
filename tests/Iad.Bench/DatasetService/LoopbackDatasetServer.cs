using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Composition;
using Iad.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Iad.Bench.DatasetService;

/// <summary>The dataset service composed as its Program does, on a real Kestrel loopback port, with a client channel.</summary>
internal sealed class LoopbackDatasetServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private LoopbackDatasetServer(WebApplication app, string dataDir, string address)
    {
        _app = app;
        _dataDir = dataDir;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
        Client = new Contracts.V1.DatasetService.DatasetServiceClient(Channel);
    }

    public GrpcChannel Channel { get; }

    public Contracts.V1.DatasetService.DatasetServiceClient Client { get; }

    /// <summary>Starts the service with <paramref name="allowedRoot"/> as an allowed dataset root.</summary>
    public static async Task<LoopbackDatasetServer> StartAsync(string allowedRoot)
    {
        var dataDir = Directory.CreateTempSubdirectory("iad-bench-dataset-").FullName;
        var grpcPort = FreePort();
        string[] args =
        [
            "--grpc-port", grpcPort.ToString(CultureInfo.InvariantCulture),
            "--http-port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--data-dir", dataDir,
            $"--Iad:Dataset:AllowedRoots:0={allowedRoot}",
        ];
        var builder = IadHost.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIadServiceDefaults("dataset", grpcPort, 0);
        builder.Services.AddDatasetService(builder.Configuration);
        var app = builder.Build();
        app.MapIadDefaults();
        app.MapDatasetService();
        await app.StartAsync();
        return new LoopbackDatasetServer(app, dataDir, $"http://127.0.0.1:{grpcPort}");
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
