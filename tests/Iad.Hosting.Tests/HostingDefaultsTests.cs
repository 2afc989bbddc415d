using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Services;
using Iad.Detection.Service.Protocol;
using Iad.Metrics.Service.Services;
using Iad.Training.Service.Services;

namespace Iad.Hosting.Tests;

public sealed class HostingDefaultsTests
{
    public static TheoryData<string> ServiceNames => ["dataset", "training", "detection", "metrics"];

    private static (IDisposable Host, Grpc.Net.Client.GrpcChannel Channel, HttpClient Http) Start(string name) => name switch
    {
        "dataset" => Open(new InProcessService<DatasetGrpcService>()),
        "training" => Open(new InProcessService<TrainingGrpcService>()),
        "detection" => Open(new InProcessService<DetectionGrpcService>()),
        _ => Open(new InProcessService<MetricsGrpcService>()),
    };

    private static (IDisposable, Grpc.Net.Client.GrpcChannel, HttpClient) Open<T>(InProcessService<T> host) where T : class =>
        (host, host.CreateChannel(), host.CreateClient());

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task Every_service_is_healthy_and_identifies_itself(string name)
    {
        var (host, channel, _) = Start(name);
        using var owner = host;

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var info = await new ServiceInfoService.ServiceInfoServiceClient(channel).GetServiceInfoAsync(new GetServiceInfoRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(name, info.Name);
        Assert.Matches(@"^\d+\.\d+\.\d+$", info.Version);
        Assert.Contains("iad.v1", info.ApiVersions);
        Assert.True(info.UptimeSeconds >= 0);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task Reflection_lists_the_business_service(string name)
    {
        var (host, channel, _) = Start(name);
        using var owner = host;
        var expected = $"iad.v1.{char.ToUpperInvariant(name[0])}{name[1..]}Service";

        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains(expected, services);
        Assert.Contains("iad.v1.ServiceInfoService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public async Task Metrics_endpoint_serves_prometheus_text(string name)
    {
        var (host, channel, http) = Start(name);
        using var owner = host;
        await new ServiceInfoService.ServiceInfoServiceClient(channel).GetServiceInfoAsync(new GetServiceInfoRequest());

        var response = await http.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE iad_grpc_server_call_duration_seconds histogram", body);
        Assert.Contains("method=\"/iad.v1.ServiceInfoService/GetServiceInfo\"", body);
        Assert.Contains("process_", body);
    }

    [Fact]
    public async Task Healthz_answers_over_plain_http()
    {
        using var host = new InProcessService<MetricsGrpcService>();
        var response = await host.CreateClient().GetAsync("/healthz");
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Services_a_host_does_not_serve_answer_unimplemented()
    {
        using var host = new InProcessService<TrainingGrpcService>();
        var client = new DetectionService.DetectionServiceClient(host.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ListLoadedModelsAsync(new ListLoadedModelsRequest()));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Token_is_required_when_configured()
    {
        using var host = new InProcessService<DetectionGrpcService>(("Iad:AuthToken", "s3cret-token"));
        var info = new ServiceInfoService.ServiceInfoServiceClient(host.CreateChannel());

        var missing = await Assert.ThrowsAsync<RpcException>(async () => await info.GetServiceInfoAsync(new GetServiceInfoRequest()));
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await info.GetServiceInfoAsync(
            new GetServiceInfoRequest(), new Metadata { { "authorization", "Bearer s3cret-tokeN" } }));
        var right = await info.GetServiceInfoAsync(new GetServiceInfoRequest(), new Metadata { { "authorization", "Bearer s3cret-token" } });

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Equal("detection", right.Name);
    }

    [Fact]
    public async Task Health_stays_open_when_a_token_is_configured()
    {
        using var host = new InProcessService<DetectionGrpcService>(("Iad:AuthToken", "s3cret-token"));
        var health = await new Health.HealthClient(host.CreateChannel()).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Token_can_come_from_a_file()
    {
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "file-token\n");
        try
        {
            using var host = new InProcessService<MetricsGrpcService>(("Iad:AuthTokenFile", tokenFile));
            var info = new ServiceInfoService.ServiceInfoServiceClient(host.CreateChannel());

            var missing = await Assert.ThrowsAsync<RpcException>(async () => await info.GetServiceInfoAsync(new GetServiceInfoRequest()));
            var right = await info.GetServiceInfoAsync(new GetServiceInfoRequest(), new Metadata { { "authorization", "Bearer file-token" } });

            Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
            Assert.Equal("metrics", right.Name);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task Oversize_message_is_resource_exhausted()
    {
        using var host = new InProcessService<DatasetGrpcService>(("Iad:MaxMessageBytes", "1024"));
        var client = new DatasetService.DatasetServiceClient(host.CreateChannel());

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetItemAsync(new GetItemRequest { Dataset = "d", Id = new string('x', 4096) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
