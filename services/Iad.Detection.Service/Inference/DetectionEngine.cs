using System.Diagnostics;
using Grpc.Core;
using Iad.Contracts.V1;
using DetectionMessage = Iad.Contracts.V1.Detection;
using Iad.Detection.Service.Inputs;
using Iad.Detection.Service.Models;
using Iad.Detection.Service.Outputs;
using Iad.Detection.Service.Scheduling;
using Iad.Detection.Service.Telemetry;
using Iad.Hosting.Interceptors;

namespace Iad.Detection.Service.Inference;

/// <summary>
/// The in-process detection API every protocol adapter calls: lease the model, validate output options, reserve
/// queue slots, validate (and decode) the images, hand them to the model's batcher, which writes them straight into
/// its batch input, and build the results.
/// Records request latency, images and errors (by the status code the failure maps to).
/// </summary>
public sealed class DetectionEngine(ModelRepository models, ImageInputReader reader, ExceptionStatusMap statusMap)
{
    /// <summary>Most images one request may carry.</summary>
    public const int MaxImagesPerRequest = 64;

    /// <summary>Scores <paramref name="images"/> with <paramref name="modelId"/>.</summary>
    /// <param name="modelId">A bare name or exact <c>name@version</c>.</param>
    /// <param name="images">1..64 images.</param>
    /// <param name="output">Per-image output choices; null means score only.</param>
    /// <param name="deadline">Stopwatch timestamp after which queued images are dropped (<see cref="long.MaxValue"/> for none).</param>
    /// <param name="cancellation">The call's cancellation.</param>
    public Task<DetectionResult> DetectAsync(
        string modelId, IReadOnlyList<Image> images, OutputOptions? output, long deadline, CancellationToken cancellation) =>
        DetectAsync(modelId, new WireImageBatch(images, reader), output, deadline, cancellation);

    /// <summary>Scores the images of <paramref name="images"/> (any wire form) with <paramref name="modelId"/>.</summary>
    /// <param name="modelId">A bare name or exact <c>name@version</c>.</param>
    /// <param name="images">1..64 images, prepared once the model is leased and their queue slots reserved.</param>
    /// <param name="output">Per-image output choices; null means score only.</param>
    /// <param name="deadline">Stopwatch timestamp after which queued images are dropped (<see cref="long.MaxValue"/> for none).</param>
    /// <param name="cancellation">The call's cancellation.</param>
    public async Task<DetectionResult> DetectAsync(
        string modelId, IImageBatch images, OutputOptions? output, long deadline, CancellationToken cancellation)
    {
        var start = Stopwatch.GetTimestamp();
        ModelLease lease;
        try
        {
            if (images.Count is < 1 or > MaxImagesPerRequest)
                throw new ArgumentException($"A request carries 1..{MaxImagesPerRequest} images; this one has {images.Count}.");
            lease = models.Acquire(modelId);
        }
        catch (Exception e)
        {
            ModelTelemetry.CountError("unknown", "none", statusMap.ToStatus(e).StatusCode);
            throw;
        }
        using (lease)
        {
            var model = lease.Model;
            try
            {
                var result = await RunAsync(model, images, output, deadline, cancellation).ConfigureAwait(false);
                var total = Stopwatch.GetElapsedTime(start);
                model.Telemetry.RecordRequest(total.TotalSeconds, images.Count);
                return result with { TotalTime = total };
            }
            catch (Exception e)
            {
                model.Telemetry.RecordError(StatusOf(e, cancellation));
                throw;
            }
        }
    }

    /// <summary>The status code a failure of this engine reaches the client with.</summary>
    public StatusCode StatusOf(Exception error, CancellationToken cancellation) => error switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException when cancellation.IsCancellationRequested => StatusCode.Cancelled,
        _ => statusMap.ToStatus(error).StatusCode,
    };

    private async Task<DetectionResult> RunAsync(
        ServedModel model, IImageBatch images, OutputOptions? output, long deadline, CancellationToken cancellation)
    {
        var description = model.Description;
        var plan = OutputPlan.Resolve(output, model.InputHeight, model.InputWidth, description.Threshold);
        var count = images.Count;
        model.Batcher.Reserve(count);
        var prepared = new PreparedImage[count];
        var items = new InferenceItem[count];
        try
        {
            try
            {
                for (var i = 0; i < count; i++) prepared[i] = images.Prepare(i, model.InputHeight, model.InputWidth);
            }
            catch
            {
                model.Batcher.Release(count);
                throw;
            }
            var completions = new Task[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = new InferenceItem(prepared[i], plan.NeedsMap, deadline, cancellation);
                completions[i] = items[i].Completion;
            }
            if (!model.Batcher.TryRunNow(items))
            {
                foreach (var item in items) model.Batcher.Enqueue(item);
            }
            try
            {
                await Task.WhenAll(completions).ConfigureAwait(false);
            }
            catch
            {
                // WhenAll reports only the first error; rethrow the most informative one consistently.
                throw completions.First(t => t.IsFaulted).Exception!.InnerException!;
            }
            return Collect(items, plan, description, model.InputHeight, model.InputWidth);
        }
        finally
        {
            foreach (var item in items) item?.ReturnMap();
            foreach (var image in prepared) image?.Release();
        }
    }

    private static DetectionResult Collect(InferenceItem[] items, OutputPlan plan, ModelDescription description, int height, int width)
    {
        var detections = new DetectionMessage[items.Length];
        TimeSpan queue = default, compute = default;
        var batch = 0;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            detections[i] = plan.Build(item.Score, item.Map, height, width);
            if (item.QueueTime > queue) queue = item.QueueTime;
            if (item.ComputeTime > compute) compute = item.ComputeTime;
            batch = Math.Max(batch, item.BatchSize);
        }
        return new DetectionResult(detections, description, queue, compute, default, batch);
    }
}
