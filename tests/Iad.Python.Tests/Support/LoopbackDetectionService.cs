using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Iad.Contracts.V1;
using Iad.Detection.Service.Configuration;
using Iad.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Iad.Python.Tests.Support;

/// <summary>
/// The detection service composed as its Program composes it, on a real Kestrel h2c loopback port (a process in another
/// language cannot reach an in-memory test server), requiring a bearer token, with a temporary data folder and local
/// model root.
/// </summary>
internal sealed class LoopbackDetectionService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private LoopbackDetectionService(WebApplication app, string root, string modelRoot, string address, string token)
    {
        _app = app;
        Root = root;
        ModelRoot = modelRoot;
        Address = address;
        Token = token;
        _channel = GrpcChannel.ForAddress("http://" + address);
        Client = new DetectionService.DetectionServiceClient(_channel);
    }

    /// <summary>Temporary folder holding the data and model folders; deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>Folder that <c>file:</c> model ids resolve in.</summary>
    public string ModelRoot { get; }

    /// <summary><c>127.0.0.1:port</c> of the gRPC endpoint.</summary>
    public string Address { get; }

    public string Token { get; }

    /// <summary>A C# client on the same port; pass <see cref="Authorization"/> with each call.</summary>
    public DetectionService.DetectionServiceClient Client { get; }

    public Metadata Authorization => new() { { "authorization", "Bearer " + Token } };

    public static async Task<LoopbackDetectionService> StartAsync(string token)
    {
        var root = Directory.CreateTempSubdirectory("iad-python-test-").FullName;
        var modelRoot = Directory.CreateDirectory(Path.Combine(root, "models")).FullName;
        var grpcPort = FreePort();
        string[] args =
        [
            "--grpc-port", grpcPort.ToString(CultureInfo.InvariantCulture),
            "--http-port", "0",
            "--data-dir", Path.Combine(root, "data"),
            "--Iad:AuthToken=" + token,
            "--Iad:Detection:LocalModelRoot=" + modelRoot,
        ];
        var builder = IadHost.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddIadServiceDefaults("detection", grpcPort, 0);
        builder.Services.AddDetection(builder.Configuration);
        var app = builder.Build();
        app.MapIadDefaults();
        app.MapDetection();
        await app.StartAsync();
        return new LoopbackDetectionService(app, root, modelRoot, "127.0.0.1:" + grpcPort.ToString(CultureInfo.InvariantCulture), token);
    }

    /// <summary>Writes a model under the local model root and returns its <c>file:</c> id.</summary>
    public string WriteModel(string fileName, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(ModelRoot, fileName), bytes);
        return "file:" + fileName;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
