using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Iad.Contracts.V1;
using Iad.Detection.Service.Configuration;
using Iad.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Iad.Bench.Detection;

/// <summary>The detection service composed exactly as its Program does, listening on free loopback ports, with a client channel.</summary>
internal sealed class LoopbackDetectionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private LoopbackDetectionServer(WebApplication app, string dataDir, string address)
    {
        _app = app;
        _dataDir = dataDir;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20 });
        Client = new DetectionService.DetectionServiceClient(Channel);
    }

    public GrpcChannel Channel { get; }

    public DetectionService.DetectionServiceClient Client { get; }

    /// <summary>Starts the service with <paramref name="modelRoot"/> as its local model root.</summary>
    public static async Task<LoopbackDetectionServer> StartAsync(string modelRoot)
    {
        var dataDir = Directory.CreateTempSubdirectory("iad-bench-detection-").FullName;
        var grpcPort = FreePort();
        string[] args =
        [
            "--grpc-port", grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--http-port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data-dir", dataDir,
            $"--Iad:Detection:LocalModelRoot={modelRoot}",
        ];
        var builder = IadHost.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIadServiceDefaults("detection", grpcPort, 0);
        builder.Services.AddDetection(builder.Configuration);
        var app = builder.Build();
        app.MapIadDefaults();
        app.MapDetection();
        await app.StartAsync();
        return new LoopbackDetectionServer(app, dataDir, $"http://127.0.0.1:{grpcPort}");
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
