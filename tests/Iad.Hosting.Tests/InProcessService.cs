using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Iad.Hosting.Tests;

/// <summary>
/// A service host running in memory behind a real gRPC channel. <typeparamref name="TEntry"/> is any type of the
/// service assembly (its gRPC service class), so all four hosts can live in one test project.
/// </summary>
public sealed class InProcessService<TEntry> : WebApplicationFactory<TEntry> where TEntry : class
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dataDir = Directory.CreateTempSubdirectory("iad-host-test-").FullName;

    public InProcessService(params (string Key, string? Value)[] settings)
    {
        _settings = settings.ToDictionary(s => s.Key, s => s.Value);
        _settings.TryAdd("Iad:DataDir", _dataDir);
    }

    public GrpcChannel CreateChannel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }
}
