using System.Diagnostics;
using Grpc.Core;
using Iad.Client.Datasets;
using Iad.Contracts.V1;

namespace Iad.Client.Experiments;

/// <summary>What to evaluate: a test split of a manifest task, scored by a loaded detector.</summary>
/// <param name="ManifestSha256">Setting manifest hash.</param>
/// <param name="TaskIndex">Task of the manifest whose test split is streamed.</param>
/// <param name="ModelId">Detector id as loaded in the detection service.</param>
public sealed record EvaluationRequest(string ManifestSha256, int TaskIndex, string ModelId)
{
    /// <summary>Images between the dataset stream and the metrics stream at any moment (detections in flight); 1..1024.</summary>
    public int Window { get; init; } = 16;

    /// <summary>Ask the metrics service for ROC, PR and PRO curve points.</summary>
    public bool IncludeCurves { get; init; }

    /// <summary>Images of each label kept with their maps for overlays (the first ones streamed).</summary>
    public int KeepSamplesPerLabel { get; init; }
}

/// <summary>A test image kept for overlays: uint8 CHW pixels, its anomaly map and mask (0/1) at side × side.</summary>
public sealed record KeptSample(string Id, Label Label, float Score, int Side, byte[] Pixels, float[] Map, byte[]? Mask);

/// <summary>The metrics service's report, the efficiency measured on the way, and the kept samples.</summary>
/// <param name="Report">Metrics (and curves when asked) from the metrics service.</param>
/// <param name="Efficiency">Latency percentiles, throughput, peak memory and provider of the pass.</param>
/// <param name="Samples">Images kept for overlays.</param>
/// <param name="Images">Images evaluated.</param>
/// <param name="MaxInFlight">Largest number of images held between the streams (never above the window).</param>
public sealed record EvaluationOutcome(EvaluationReport Report, Efficiency Efficiency, IReadOnlyList<KeptSample> Samples, int Images, int MaxInFlight);

/// <summary>
/// Streams a test split from the dataset service (uint8 tensors, masks bit-packed) through the detection service's
/// bidirectional stream into the metrics service's client stream. At most <see cref="EvaluationRequest.Window"/>
/// images are held at once, so memory does not grow with the split; a slow metrics consumer slows the dataset stream
/// through gRPC flow control rather than filling memory. Latency percentiles are the detection service's per-image
/// server times; throughput is images over the wall time of the whole pass.
/// </summary>
public sealed class EvaluationPipeline(IadClient client)
{
    public async Task<EvaluationOutcome> RunAsync(EvaluationRequest request, IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (request.Window is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(request), request.Window, "Window must be in 1..1024.");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = linked.Token;
        await using var split = await SplitStream.OpenAsync(client.Dataset, new StreamSplitRequest
        {
            ManifestSha256 = request.ManifestSha256,
            TaskIndex = request.TaskIndex,
            Split = Split.Test,
            Format = ItemFormat.Uint8,
            IncludeMasks = true,
        }, token).ConfigureAwait(false);
        var total = split.Header.ItemCount;
        var side = split.Header.ImageSize;
        using var detect = client.Detection.DetectStream(cancellationToken: token);
        using var evaluate = client.Metrics.Evaluate(cancellationToken: token);
        await evaluate.RequestStream.WriteAsync(new EvaluateRequest
        {
            Header = new EvaluateHeader { IncludeCurves = request.IncludeCurves, ExpectedImages = total },
        }, token).ConfigureAwait(false);

        var state = new PassState(request, side);
        var watch = Stopwatch.StartNew();
        var send = SendAsync(split, detect.RequestStream, request, state, token);
        var receive = ReceiveAsync(detect.ResponseStream, evaluate.RequestStream, state, total, progress, token);
        try
        {
            await Task.WhenAll(send, receive).ConfigureAwait(false);
        }
        catch
        {
            await linked.CancelAsync().ConfigureAwait(false);
            throw;
        }
        var wall = watch.Elapsed.TotalSeconds;
        await evaluate.RequestStream.CompleteAsync().ConfigureAwait(false);
        var report = (await evaluate.ResponseAsync.ConfigureAwait(false)).Report;
        var stats = await client.Detection.GetModelStatsAsync(new GetModelStatsRequest { ModelId = request.ModelId }, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var efficiency = state.Efficiency(wall, stats);
        return new EvaluationOutcome(report, efficiency, state.Samples, state.Received, state.MaxInFlight);
    }

    private static async Task SendAsync(SplitStream split, IClientStreamWriter<DetectStreamRequest> requests, EvaluationRequest request,
        PassState state, CancellationToken token)
    {
        await foreach (var item in split.ReadItemsAsync(token).ConfigureAwait(false))
        {
            await state.Window.WaitAsync(token).ConfigureAwait(false);
            state.Hold(item);
            var tensor = new Tensor { Dtype = DataType.Uint8, Data = Google.Protobuf.UnsafeByteOperations.UnsafeWrap(item.Payload) };
            tensor.Shape.Add([3, state.Side, state.Side]);
            await requests.WriteAsync(new DetectStreamRequest
            {
                RequestId = item.Item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ModelId = request.ModelId,
                Image = new Image { Tensor = tensor },
                Output = new OutputOptions { MapEncoding = MapEncoding.Float32 },
            }, token).ConfigureAwait(false);
        }
        await requests.CompleteAsync().ConfigureAwait(false);
    }

    private static async Task ReceiveAsync(IAsyncStreamReader<DetectStreamResponse> responses, IClientStreamWriter<EvaluateRequest> records,
        PassState state, int total, IProgress<(int, int)>? progress, CancellationToken token)
    {
        while (await responses.MoveNext(token).ConfigureAwait(false))
        {
            var response = responses.Current;
            var item = state.Release(response.RequestId);
            if (response.OutcomeCase == DetectStreamResponse.OutcomeOneofCase.Error)
                throw new RpcException(new Status((StatusCode)response.Error.Code, $"detection of '{item.Item.Id}': {response.Error.Message}"));
            var detection = response.Detection;
            state.Record(response, item);
            await records.WriteAsync(new EvaluateRequest
            {
                Record = new EvaluationRecord
                {
                    Id = item.Item.Id,
                    SampleId = item.Item.SampleId,
                    ViewId = item.Item.ViewId,
                    Label = item.Item.Label,
                    Score = detection.Score,
                    AnomalyMap = detection.AnomalyMap,
                    Mask = item.Item.Mask,
                    DefectType = item.Item.DefectType,
                    Subclass = item.Item.Subclass,
                },
            }, token).ConfigureAwait(false);
            state.Window.Release();
            progress?.Report((state.Received, total));
        }
        if (state.Received != total) throw new RpcException(new Status(StatusCode.DataLoss, $"detection answered {state.Received} of {total} images"));
    }
}
