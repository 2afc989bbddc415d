using System.Net;
using Grpc.Core;
using Iad.Contracts.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iad.Client.Tests;

public sealed class ReplicaBalancingTests
{
    [Fact]
    public async Task Calls_to_a_service_with_several_replica_addresses_are_spread_over_all_of_them()
    {
        await using var first = await Replica.StartAsync("replica-a");
        await using var second = await Replica.StartAsync("replica-b");
        var options = new IadClientOptions().WithEnvironment(name => name == "IAD_METRICS_ADDRESS" ? $"{first.Address}, {second.Address}" : null);
        using var client = new IadClient(options);

        var answered = new List<string>();
        for (var i = 0; i < 20; i++) answered.Add((await client.Services[3].Info.GetServiceInfoAsync(new GetServiceInfoRequest())).Name);

        Assert.Contains("replica-a", answered);
        Assert.Contains("replica-b", answered);
        Assert.InRange(answered.Count(n => n == "replica-a"), 5, 15);
    }

    [Fact]
    public void Replica_lists_that_mix_schemes_are_refused() =>
        Assert.Throws<ArgumentException>(() => new IadClient(new IadClientOptions { DetectionAddress = "http://a:1,https://b:1" }));

    private sealed class Replica : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Replica(WebApplication app) => _app = app;

        public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public static async Task<Replica> StartAsync(string name)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc();
            builder.Services.AddSingleton(new InfoService(name));
            var app = builder.Build();
            app.MapGrpcService<InfoService>();
            await app.StartAsync();
            return new Replica(app);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private sealed class InfoService(string name) : ServiceInfoService.ServiceInfoServiceBase
    {
        public override Task<GetServiceInfoResponse> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
            Task.FromResult(new GetServiceInfoResponse { Name = name });
    }
}
