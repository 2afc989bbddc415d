using Grpc.Core;
using Iad.Contracts.KServe.V2;
using Iad.Detection.Service.Inference;
using Iad.Detection.Service.Models;
using Iad.Detection.Service.Scheduling;
using Iad.Hosting.ServiceInfo;
using Iad.Onnx.Detector;
using Microsoft.Extensions.Hosting;
using TensorMetadata = Iad.Contracts.KServe.V2.ModelMetadataResponse.Types.TensorMetadata;

namespace Iad.Detection.Service.KServe;

/// <summary>
/// KServe v2 / Open Inference Protocol <c>inference.GRPCInferenceService</c>, so Triton and KServe clients work
/// unchanged. A thin adapter: models are those loaded through iad.v1 LoadModel, addressed by name (and optionally the
/// version LoadModel reported); inference goes through <see cref="DetectionEngine"/>, so it shares the dynamic
/// batcher, queue limits, deadlines, validation and telemetry of iad.v1 Detect. Failures become status codes in the
/// shared interceptor: unknown or unloaded model NOT_FOUND, malformed input INVALID_ARGUMENT, full queue
/// RESOURCE_EXHAUSTED.
/// </summary>
public sealed class KServeInferenceService(
    ModelRepository models, DetectionEngine engine, ServiceIdentity identity, IHostApplicationLifetime lifetime)
    : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    /// <summary>Ready until shutdown begins (models are loaded separately; see ModelReady).</summary>
    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = !lifetime.ApplicationStopping.IsCancellationRequested });

    /// <summary>True when the named model (and version, if given) is loaded; false when it is not.</summary>
    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context)
    {
        var id = KServeModelNames.ToModelId(request.Name, request.Version);
        bool ready;
        try
        {
            models.Find(id);
            ready = true;
        }
        catch (ModelNotLoadedException)
        {
            ready = false;
        }
        return Task.FromResult(new ModelReadyResponse { Ready = ready });
    }

    /// <summary>Name <c>iad-detection</c>, the service version, and no optional protocol extensions.</summary>
    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerMetadataResponse { Name = $"iad-{identity.Name}", Version = identity.Version });

    /// <summary>
    /// Input <c>image</c> FP32 [-1, 3, H, W] (UINT8 of the same shape is accepted too), outputs <c>score</c> FP32 [-1]
    /// and <c>anomaly_map</c> FP32 [-1, 1, H, W]; platform <c>onnxruntime_onnx</c>.
    /// </summary>
    public override Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context)
    {
        var model = models.Find(KServeModelNames.ToModelId(request.Name, request.Version));
        var (height, width) = (model.InputHeight, model.InputWidth);
        return Task.FromResult(new ModelMetadataResponse
        {
            Name = model.Description.Name,
            Versions = { KServeModelNames.VersionOf(model.Description) },
            Platform = KServeDataTypes.OnnxPlatform,
            Inputs = { Tensor(KServeImageBatch.InputName, -1, 3, height, width) },
            Outputs =
            {
                Tensor(DetectorContract.ScoreOutput, -1),
                Tensor(DetectorContract.AnomalyMapOutput, -1, 1, height, width),
            },
        });
    }

    public override async Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        var id = KServeModelNames.ToModelId(request.ModelName, request.ModelVersion);
        var images = KServeImageBatch.From(request);
        var outputs = KServeOutputs.Resolve(request.Outputs);
        var result = await engine.DetectAsync(id, images, outputs.Options,
            InferenceItem.DeadlineTimestamp(context.Deadline), context.CancellationToken).ConfigureAwait(false);
        return outputs.Build(request, result);
    }

    private static TensorMetadata Tensor(string name, params long[] shape) => new()
    {
        Name = name,
        Datatype = KServeDataTypes.Fp32,
        Shape = { shape },
    };
}
