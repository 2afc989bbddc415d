using Grpc.Net.Client;
using Iad.Contracts.V1;
using Iad.Detection.Service.Protocol;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Iad.Detection.Service.Tests.Support;

/// <summary>
/// The detection service in memory behind a real gRPC channel, with its data folder and a local model root
/// (<see cref="ModelRoot"/>, for <c>file:</c> ids) in fresh temporary folders.
/// </summary>
internal sealed class DetectionHost : WebApplicationFactory<DetectionGrpcService>
{
    private readonly Dictionary<string, string?> _settings;
    private GrpcChannel? _channel;

    public DetectionHost(params (string Key, string? Value)[] settings)
    {
        Root = Directory.CreateTempSubdirectory("iad-detection-test-").FullName;
        ModelRoot = Directory.CreateDirectory(Path.Combine(Root, "local-models")).FullName;
        DataDir = Path.Combine(Root, "data");
        _settings = new Dictionary<string, string?>
        {
            ["Iad:DataDir"] = DataDir,
            ["Iad:Detection:LocalModelRoot"] = ModelRoot,
        };
        foreach (var (key, value) in settings) _settings[key] = value;
    }

    public string Root { get; }

    public string ModelRoot { get; }

    public string DataDir { get; }

    public DetectionService.DetectionServiceClient Client => new(Channel);

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Server.BaseAddress,
        new GrpcChannelOptions { HttpHandler = Server.CreateHandler(), MaxReceiveMessageSize = 64 << 20 });

    /// <summary>Writes a model file under the local root and returns its <c>file:</c> id.</summary>
    public string WriteModel(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(ModelRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return "file:" + relativePath;
    }

    /// <summary>Writes and loads a model on CPU with one intra-op thread.</summary>
    public async Task<LoadedModel> LoadAsync(string relativePath, byte[] bytes, BatchingOptions? batching = null)
    {
        var response = await Client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = WriteModel(relativePath, bytes),
            Provider = ProviderPreference.Cpu,
            IntraOpThreads = 1,
            Batching = batching,
        });
        return response.Model;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
