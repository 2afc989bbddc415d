using System.Diagnostics;
using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Catalog;
using Iad.Dataset.Service.Items;
using Iad.Dataset.Service.Manifests;
using Iad.Datasets.Sandbox;

namespace Iad.Dataset.Service.Streaming;

/// <summary>
/// StreamSplit: a header, then the images of one split of a manifest in manifest order (<see cref="SplitImage"/>),
/// each rendered by <see cref="ImageRenderer"/> and sent inline or, above the chunk size, as an item without image
/// followed by consecutive <see cref="ItemChunk"/>s.
/// </summary>
/// <remarks>
/// Flow control: a producer renders at most <see cref="MaxDecoders"/> images at once on the thread pool and keeps at
/// most <see cref="LookAhead"/> rendered items queued in a bounded channel, in order; the sender awaits every write
/// to the response stream, so HTTP/2 flow control of a slow client stops the producer and the server never holds more
/// than <see cref="LookAhead"/> + 2 payloads per call. Payload buffers are pooled and returned once written. On
/// completion, error or cancellation the producer is stopped and the channel completed and drained.
/// </remarks>
public sealed class SplitStreamer(DatasetCatalog catalog, ManifestStore manifests)
{
    /// <summary>Rendered items queued ahead of the sender.</summary>
    public const int LookAhead = 6;

    /// <summary>Images rendered concurrently per call.</summary>
    public const int MaxDecoders = 2;

    private int _activeProducers;
    private long _itemsPrepared;

    /// <summary>Producers currently running (one per open stream).</summary>
    public int ActiveProducers => Volatile.Read(ref _activeProducers);

    /// <summary>Images rendered since start, over all calls.</summary>
    public long ItemsPrepared => Interlocked.Read(ref _itemsPrepared);

    /// <exception cref="ArgumentException">A request field is out of range.</exception>
    /// <exception cref="KeyNotFoundException">Unknown manifest or dataset.</exception>
    public async Task StreamAsync(StreamSplitRequest request, IServerStreamWriter<StreamSplitResponse> responses, CancellationToken cancellationToken)
    {
        var plan = StreamPlan.Create(request, manifests.Load(request.ManifestSha256));
        var root = catalog.Root(plan.Manifest.Spec.Dataset);
        await responses.WriteAsync(new StreamSplitResponse { Header = plan.Header() }, cancellationToken);
        if (plan.Count == 0) return;

        var channel = Channel.CreateBounded<Task<PreparedItem>>(new BoundedChannelOptions(LookAhead)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(plan, root, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var pending in channel.Reader.ReadAllAsync(cancellationToken))
            {
                using var prepared = await pending;
                await SendAsync(plan, prepared, responses, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
            while (channel.Reader.TryRead(out var pending)) Discard(pending);
        }
    }

    private async Task ProduceAsync(StreamPlan plan, DatasetRoot root, ChannelWriter<Task<PreparedItem>> writer, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _activeProducers);
        // Not disposed: renders still running after a cancellation release it.
        var decoders = new SemaphoreSlim(MaxDecoders);
        Exception? failure = null;
        try
        {
            for (var i = plan.Start; i < plan.Start + plan.Count; i++)
            {
                await decoders.WaitAsync(cancellationToken);
                var image = plan.Images[i];
                var pending = Task.Run(() =>
                {
                    try
                    {
                        return Prepare(plan, root, image);
                    }
                    finally
                    {
                        decoders.Release();
                    }
                }, CancellationToken.None);
                try
                {
                    await writer.WriteAsync(pending, cancellationToken);
                }
                catch
                {
                    Discard(pending);
                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The sender stopped (done, failed or cancelled); nothing is waiting for more items.
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            writer.TryComplete(failure);
            Interlocked.Decrement(ref _activeProducers);
        }
    }

    private PreparedItem Prepare(StreamPlan plan, DatasetRoot root, SplitImage image)
    {
        var start = Stopwatch.GetTimestamp();
        var view = image.View;
        var source = new ImageSource(view.ImagePath, image.MaskVisible ? view.MaskPaths : [], view.Perturbations);
        var rendered = ImageRenderer.Render(root, source, plan.Format, plan.Geometry, plan.IncludeMasks, pooled: true);
        if (plan.Format != ItemFormat.Encoded) StreamTelemetry.Decoded(Stopwatch.GetElapsedTime(start));
        Interlocked.Increment(ref _itemsPrepared);

        var item = new DatasetItem
        {
            Index = image.Index,
            Id = image.Id,
            Category = plan.Task.Name,
            Label = ManifestContract.Label(image.Label),
            DefectType = image.DefectType,
            SampleId = image.Item.SampleId,
            ViewId = view.Id,
            Subclass = image.Item.Subclass ?? "",
            Mask = rendered.Mask,
        };
        item.Perturbations.AddRange(view.Perturbations.Select(ManifestContract.Perturbation));
        if (rendered.Length > plan.MaxChunkBytes)
        {
            item.Chunked = true;
            item.PayloadBytes = rendered.Length;
            item.PayloadHeader = rendered.Header;
        }
        else
        {
            item.Image = rendered.ToImage();
        }
        return new PreparedItem(item, rendered);
    }

    private static async Task SendAsync(StreamPlan plan, PreparedItem prepared, IServerStreamWriter<StreamSplitResponse> responses, CancellationToken cancellationToken)
    {
        await responses.WriteAsync(new StreamSplitResponse { Item = prepared.Item }, cancellationToken);
        var payload = prepared.Image.Payload;
        if (prepared.Item.Chunked)
        {
            for (var offset = 0; offset < payload.Length; offset += plan.MaxChunkBytes)
            {
                var size = Math.Min(plan.MaxChunkBytes, payload.Length - offset);
                var chunk = new ItemChunk
                {
                    Index = prepared.Item.Index,
                    Offset = offset,
                    Data = UnsafeByteOperations.UnsafeWrap(payload.Slice(offset, size)),
                    Last = offset + size == payload.Length,
                };
                await responses.WriteAsync(new StreamSplitResponse { Chunk = chunk }, cancellationToken);
            }
        }
        StreamTelemetry.Sent(plan.Manifest.Spec.Dataset, plan.Format, payload.Length);
    }

    /// <summary>Returns the payload of an item that will not be sent once its render finishes.</summary>
    private static void Discard(Task<PreparedItem> pending) =>
        pending.ContinueWith(static task =>
        {
            if (task.IsCompletedSuccessfully) task.Result.Dispose();
            else _ = task.Exception;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
