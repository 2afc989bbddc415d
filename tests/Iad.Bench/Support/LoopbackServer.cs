using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Iad.Client;
using Iad.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Iad.Bench.Support;

/// <summary>
/// A service composed as its Program composes it, on real Kestrel loopback ports (an in-memory test server would hide
/// the transport cost a serving benchmark measures), with a client channel and a temporary data directory.
/// </summary>
internal sealed class LoopbackServer<TClient> : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private LoopbackServer(WebApplication app, string dataDir, GrpcChannel channel, TClient client)
    {
        _app = app;
        _dataDir = dataDir;
        Channel = channel;
        Client = client;
    }

    public GrpcChannel Channel { get; }

    public TClient Client { get; }

    /// <param name="serviceName">Short service name, e.g. "dataset".</param>
    /// <param name="setting">One extra <c>--key=value</c> configuration switch.</param>
    /// <param name="register">Adds the service's own registrations (what its Program adds).</param>
    /// <param name="map">Maps the service's endpoints.</param>
    /// <param name="createClient">The typed client over the channel.</param>
    public static async Task<LoopbackServer<TClient>> StartAsync(
        string serviceName, string setting, Action<WebApplicationBuilder> register, Action<WebApplication> map,
        Func<GrpcChannel, TClient> createClient)
    {
        var dataDir = Directory.CreateTempSubdirectory($"iad-bench-{serviceName}-").FullName;
        var grpcPort = FreePort();
        string[] args =
        [
            "--grpc-port", grpcPort.ToString(CultureInfo.InvariantCulture),
            "--http-port", FreePort().ToString(CultureInfo.InvariantCulture),
            "--data-dir", dataDir,
            setting,
        ];
        var builder = IadHost.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIadServiceDefaults(serviceName, grpcPort, 0);
        register(builder);
        var app = builder.Build();
        app.MapIadDefaults();
        map(app);
        await app.StartAsync();
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions { MaxReceiveMessageSize = 64 << 20, HttpHandler = IadClient.CreateHttpHandler() });
        return new LoopbackServer<TClient>(app, dataDir, channel, createClient(channel));
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
