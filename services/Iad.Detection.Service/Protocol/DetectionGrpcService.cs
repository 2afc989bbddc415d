using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Detection.Service.Configuration;
using Iad.Detection.Service.Inference;
using Iad.Detection.Service.Models;
using Iad.Detection.Service.Scheduling;
using Iad.Hosting.Interceptors;
using Microsoft.Extensions.Options;

namespace Iad.Detection.Service.Protocol;

/// <summary>
/// iad.v1.DetectionService: translates messages to and from <see cref="ModelRepository"/> and
/// <see cref="DetectionEngine"/>; exceptions become status codes in the shared interceptor.
/// </summary>
public sealed class DetectionGrpcService(
    ModelRepository models, DetectionEngine engine, ExceptionStatusMap statusMap, IOptions<DetectionOptions> options)
    : DetectionService.DetectionServiceBase
{
    public override async Task<LoadModelResponse> LoadModel(LoadModelRequest request, ServerCallContext context)
    {
        var spec = WireMapping.ToSpec(request, options.Value.IntraOpSpinning);
        var result = await models.LoadAsync(spec, context.CancellationToken).ConfigureAwait(false);
        return new LoadModelResponse
        {
            Model = WireMapping.ToWire(result.Model.Description),
            LoadSeconds = result.LoadTime.TotalSeconds,
            CacheHit = result.CacheHit,
        };
    }

    public override async Task<UnloadModelResponse> UnloadModel(UnloadModelRequest request, ServerCallContext context)
    {
        await models.UnloadAsync(request.ModelId).ConfigureAwait(false);
        return new UnloadModelResponse();
    }

    public override Task<ListLoadedModelsResponse> ListLoadedModels(ListLoadedModelsRequest request, ServerCallContext context)
    {
        var response = new ListLoadedModelsResponse();
        foreach (var model in models.List()) response.Models.Add(WireMapping.ToWire(model.Description));
        return Task.FromResult(response);
    }

    public override async Task<DetectResponse> Detect(DetectRequest request, ServerCallContext context)
    {
        var result = await engine.DetectAsync(request.ModelId, request.Images, request.Output,
            InferenceItem.DeadlineTimestamp(context.Deadline), context.CancellationToken).ConfigureAwait(false);
        var response = new DetectResponse
        {
            ModelId = result.Model.ModelId,
            Provider = WireMapping.ToWire(result.Model.Provider),
            Timing = WireMapping.ToWire(result),
        };
        response.Detections.AddRange(result.Detections);
        return response;
    }

    public override Task DetectStream(
        IAsyncStreamReader<DetectStreamRequest> requestStream, IServerStreamWriter<DetectStreamResponse> responseStream, ServerCallContext context) =>
        new DetectStreamSession(engine, statusMap, Math.Max(1, options.Value.MaxStreamInFlight), context).RunAsync(requestStream, responseStream);

    public override Task<GetModelStatsResponse> GetModelStats(GetModelStatsRequest request, ServerCallContext context)
    {
        var model = models.Find(request.ModelId);
        var statistics = model.Telemetry.Statistics;
        var latency = statistics.Latency.Percentiles(50, 95, 99);
        var compute = statistics.Compute.Percentiles(50, 95, 99);
        var seconds = statistics.SinceLoad.TotalSeconds;
        var response = new GetModelStatsResponse
        {
            ModelId = model.Description.ModelId,
            Provider = WireMapping.ToWire(model.Description.Provider),
            Images = statistics.Images,
            LatencyP50Ms = latency[0] * 1e3,
            LatencyP95Ms = latency[1] * 1e3,
            LatencyP99Ms = latency[2] * 1e3,
            ComputeP50Ms = compute[0] * 1e3,
            ComputeP95Ms = compute[1] * 1e3,
            ComputeP99Ms = compute[2] * 1e3,
            ThroughputImagesPerSecond = seconds > 0 ? statistics.Images / seconds : 0,
            MeanBatchSize = statistics.MeanBatchSize,
            PeakHostBytes = statistics.PeakHostBytes,
            SecondsSinceLoad = seconds,
        };
        if (statistics.PeakGpuBytes is { } gpu) response.PeakGpuBytes = gpu;
        return Task.FromResult(response);
    }
}
