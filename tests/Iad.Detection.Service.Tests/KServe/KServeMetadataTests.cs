using Grpc.Core;
using Iad.Contracts.KServe.V2;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;

namespace Iad.Detection.Service.Tests.KServe;

public sealed class KServeMetadataTests : IDisposable
{
    private readonly DetectionHost _host = new();
    private readonly LoadedModel _loaded;

    public KServeMetadataTests() => _loaded = _host.LoadAsync("meta.onnx", TestDetectors.Create(size: 48)).GetAwaiter().GetResult();

    public void Dispose() => _host.Dispose();

    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(_host.Channel);

    private string Version => _loaded.ModelId.Split('@')[1];

    [Fact]
    public async Task Server_is_live_and_ready_and_names_itself()
    {
        Assert.True((await Client.ServerLiveAsync(new ServerLiveRequest())).Live);
        Assert.True((await Client.ServerReadyAsync(new ServerReadyRequest())).Ready);
        var metadata = await Client.ServerMetadataAsync(new ServerMetadataRequest());
        Assert.Equal("iad-detection", metadata.Name);
        Assert.Matches(@"^\d+\.\d+\.\d+$", metadata.Version);
        Assert.Empty(metadata.Extensions);
    }

    [Fact]
    public async Task Model_readiness_follows_what_is_loaded()
    {
        Assert.True((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "meta" })).Ready);
        Assert.True((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "meta", Version = Version })).Ready);
        Assert.False((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "meta", Version = "000000000000" })).Ready);
        Assert.False((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "absent" })).Ready);

        await _host.Client.UnloadModelAsync(new UnloadModelRequest { ModelId = "meta" });
        Assert.False((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "meta" })).Ready);
    }

    [Fact]
    public async Task Model_metadata_describes_the_detector_contract()
    {
        var metadata = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "meta" });
        Assert.Equal("meta", metadata.Name);
        Assert.Equal([Version], metadata.Versions);
        Assert.Equal("onnxruntime_onnx", metadata.Platform);
        var input = Assert.Single(metadata.Inputs);
        Assert.Equal(("image", "FP32"), (input.Name, input.Datatype));
        Assert.Equal(new long[] { -1, 3, 48, 48 }, input.Shape);
        Assert.Equal(["score", "anomaly_map"], metadata.Outputs.Select(o => o.Name));
        Assert.All(metadata.Outputs, o => Assert.Equal("FP32", o.Datatype));
        Assert.Equal(new long[] { -1 }, metadata.Outputs[0].Shape);
        Assert.Equal(new long[] { -1, 1, 48, 48 }, metadata.Outputs[1].Shape);
    }

    [Fact]
    public async Task Metadata_of_a_model_that_is_not_loaded_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "absent" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("absent", error.Status.Detail);
    }

    [Fact]
    public async Task Malformed_model_names_are_invalid_arguments()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelReadyAsync(new ModelReadyRequest { Name = "../x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
