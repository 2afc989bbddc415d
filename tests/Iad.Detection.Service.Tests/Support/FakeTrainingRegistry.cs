using System.Net;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Iad.Contracts.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iad.Detection.Service.Tests.Support;

/// <summary>
/// A training service on a loopback port that implements only the registry calls the detection service uses
/// (GetModel, DownloadModel) over models added by the test; it can corrupt one byte of a download on request.
/// </summary>
internal sealed class FakeTrainingRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeTrainingRegistry(WebApplication app, Registry registry)
    {
        _app = app;
        Models = registry;
    }

    public Registry Models { get; }

    public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeTrainingRegistry> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var registry = new Registry();
        builder.Services.AddSingleton(registry);
        var app = builder.Build();
        app.MapGrpcService<FakeTrainingService>();
        await app.StartAsync();
        return new FakeTrainingRegistry(app, registry);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed class Registry
    {
        private readonly Dictionary<string, (Model Record, byte[] Bytes)> _models = new();

        public int Downloads;

        public bool CorruptDownloads { get; set; }

        public Model Add(string name, int version, byte[] bytes)
        {
            var record = new Model
            {
                ModelId = $"{name}@{version}",
                Name = name,
                Version = version,
                InputSize = TestDetectors.Size,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                SizeBytes = bytes.Length,
                BankRows = 7,
            };
            lock (_models)
            {
                _models[record.ModelId] = (record, bytes);
                _models[name] = (record, bytes);
            }
            return record;
        }

        public (Model Record, byte[] Bytes) Get(string id)
        {
            lock (_models)
            {
                return _models.TryGetValue(id, out var entry) ? entry : throw new RpcException(new Status(StatusCode.NotFound, $"no model '{id}'"));
            }
        }
    }

    private sealed class FakeTrainingService(Registry registry) : TrainingService.TrainingServiceBase
    {
        public override Task<GetModelResponse> GetModel(GetModelRequest request, ServerCallContext context) =>
            Task.FromResult(new GetModelResponse { Model = registry.Get(request.ModelId).Record });

        public override async Task DownloadModel(DownloadModelRequest request, IServerStreamWriter<DownloadModelResponse> responseStream, ServerCallContext context)
        {
            var (record, bytes) = registry.Get(request.ModelId);
            Interlocked.Increment(ref registry.Downloads);
            var payload = (byte[])bytes.Clone();
            if (registry.CorruptDownloads) payload[payload.Length / 2] ^= 0x5A;
            await responseStream.WriteAsync(new DownloadModelResponse { Header = record });
            const int chunk = 4096;
            for (var offset = 0; offset < payload.Length; offset += chunk)
            {
                var length = Math.Min(chunk, payload.Length - offset);
                await responseStream.WriteAsync(new DownloadModelResponse { Chunk = ByteString.CopyFrom(payload, offset, length) });
            }
        }
    }
}
