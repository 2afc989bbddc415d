using System.Diagnostics;
using System.Threading.Channels;
using Iad.Detection.Service.Backends;
using Iad.Detection.Service.Telemetry;
using Microsoft.Extensions.Logging;

namespace Iad.Detection.Service.Scheduling;

/// <summary>
/// Per-model dynamic batcher: one loop owns the backend (sessions are not re-entrant) and forms batches from a FIFO
/// queue, closing a batch on Triton's three limits (see <see cref="BatchingLimits"/>). Images are served strictly in
/// arrival order, so no client can starve another beyond its share of the queue. Admission is two-step:
/// <see cref="Reserve"/> claims queue slots before the caller decodes anything (refusing with
/// <see cref="QueueFullException"/> when the queue is full and <see cref="SchedulerStoppedException"/> once stopping),
/// then <see cref="Enqueue"/> hands each image over. Images whose deadline passed or whose call was cancelled are
/// dropped before compute. <see cref="StopAsync"/> refuses new work, drains what is queued and ends the loop.
/// A request that makes a batch on its own, which would not wait anyway (<see cref="TryRunNow"/>), runs on the
/// caller's thread when nothing is queued and no batch is forming or running: same limits and order, two thread
/// hops fewer.
/// </summary>
public sealed class DynamicBatcher
{
    private readonly IDetectorBackend _backend;
    private readonly ModelTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly Channel<InferenceItem> _queue =
        Channel.CreateUnbounded<InferenceItem>(new UnboundedChannelOptions { SingleReader = true });
    // Held by whoever forms or runs a batch (the loop from its first image to the end of compute, or TryRunNow).
    private readonly SemaphoreSlim _execution = new(1, 1);
    private readonly long _delayTicks;
    private readonly Task _loop;
    private int _admitted;
    private volatile bool _stopping;

    /// <summary>Starts the batching loop over <paramref name="backend"/>.</summary>
    public DynamicBatcher(IDetectorBackend backend, BatchingLimits limits, ModelTelemetry telemetry, ILogger logger)
    {
        _backend = backend;
        Limits = limits;
        _telemetry = telemetry;
        _logger = logger;
        _delayTicks = (long)(limits.MaxQueueDelay.TotalSeconds * Stopwatch.Frequency);
        _loop = Task.Run(RunAsync);
    }

    public BatchingLimits Limits { get; }

    /// <summary>Images reserved or queued and not yet taken into a batch.</summary>
    public int Pending => Volatile.Read(ref _admitted);

    /// <summary>Claims <paramref name="images"/> queue slots, all or none.</summary>
    /// <exception cref="QueueFullException">Fewer than <paramref name="images"/> slots are free.</exception>
    /// <exception cref="SchedulerStoppedException">The scheduler is stopping.</exception>
    public void Reserve(int images)
    {
        if (_stopping) throw Stopped();
        var total = Interlocked.Add(ref _admitted, images);
        if (total > Limits.MaxQueueSize)
        {
            Interlocked.Add(ref _admitted, -images);
            throw new QueueFullException(
                $"The queue of model '{_telemetry.Model}' is full: {total - images} images queued, {images} more requested, limit {Limits.MaxQueueSize}.");
        }
        _telemetry.Pending.Set(total);
    }

    /// <summary>Gives back reserved slots that will not be enqueued (e.g. an image failed to decode).</summary>
    public void Release(int images) => _telemetry.Pending.Set(Interlocked.Add(ref _admitted, -images));

    /// <summary>Hands over one image for which a slot was reserved; its <see cref="InferenceItem.Completion"/> always finishes.</summary>
    public void Enqueue(InferenceItem item)
    {
        item.EnqueuedAt = Stopwatch.GetTimestamp();
        if (!_queue.Writer.TryWrite(item))
        {
            Release(1);
            item.Fail(Stopped());
        }
    }

    /// <summary>
    /// Runs <paramref name="items"/> (their slots reserved) as one batch on the calling thread, provided they would
    /// not wait for company anyway (as many as <see cref="BatchingLimits.MaxBatchSize"/>, or any number up to it when
    /// the queue delay is 0), no other image holds a slot (queued or reserved), no batch is forming or running, and
    /// the scheduler is not stopping.
    /// Every item is then finished (scored, expired or cancelled) on return; false means nothing was done and the
    /// caller enqueues them.
    /// </summary>
    public bool TryRunNow(IReadOnlyList<InferenceItem> items)
    {
        var count = items.Count;
        if (count == 0 || count > Limits.MaxBatchSize || (count < Limits.MaxBatchSize && _delayTicks > 0)) return false;
        // Slots reserved beyond these items belong to images queued (or being decoded) earlier: they go first.
        if (_stopping || Volatile.Read(ref _admitted) != count || !_execution.Wait(0)) return false;
        try
        {
            if (Volatile.Read(ref _admitted) != count) return false;
            var now = Stopwatch.GetTimestamp();
            var batch = new List<InferenceItem>(count);
            foreach (var item in items)
            {
                item.EnqueuedAt = now;
                if (Take(item, now)) batch.Add(item);
            }
            foreach (var _ in batch) _telemetry.QueueDuration.Observe(0);
            if (batch.Count > 0) Execute(batch);
            return true;
        }
        finally
        {
            _execution.Release();
        }
    }

    /// <summary>Refuses new work, computes everything already queued, and ends the loop.</summary>
    public Task StopAsync()
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        return _loop;
    }

    private SchedulerStoppedException Stopped() => new($"Model '{_telemetry.Model}' is being unloaded or the service is stopping.");

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<InferenceItem>(Limits.MaxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // The gate is taken before the first image leaves the queue, so TryRunNow cannot overtake it.
            await _execution.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!reader.TryRead(out var first) || !Take(first, Stopwatch.GetTimestamp())) continue;
                batch.Add(first);
                var closeAt = first.EnqueuedAt + _delayTicks;
                while (batch.Count < Limits.MaxBatchSize)
                {
                    if (reader.TryRead(out var next))
                    {
                        if (Take(next, Stopwatch.GetTimestamp())) batch.Add(next);
                        continue;
                    }
                    var remaining = closeAt - Stopwatch.GetTimestamp();
                    if (remaining <= 0 || !await WaitForMoreAsync(reader, remaining).ConfigureAwait(false)) break;
                }
                // Images may have expired while the batch was filling: drop them before compute.
                var now = Stopwatch.GetTimestamp();
                batch.RemoveAll(item => !IsStillWanted(item, now));
                foreach (var item in batch) _telemetry.QueueDuration.Observe(Stopwatch.GetElapsedTime(item.EnqueuedAt, now).TotalSeconds);
                if (batch.Count > 0) Execute(batch);
            }
            finally
            {
                _execution.Release();
                batch.Clear();
            }
        }
    }

    /// <summary>Waits up to <paramref name="ticks"/> for another image; false on timeout or when the queue completed.</summary>
    private static async Task<bool> WaitForMoreAsync(ChannelReader<InferenceItem> reader, long ticks)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency));
        try
        {
            return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Takes an image off the queue (freeing its slot); false when it is no longer wanted.</summary>
    private bool Take(InferenceItem item, long now)
    {
        _telemetry.Pending.Set(Interlocked.Decrement(ref _admitted));
        return IsStillWanted(item, now);
    }

    /// <summary>
    /// False (and the image failed) when its deadline passed or its call was cancelled. The deadline is checked first:
    /// gRPC also cancels a call at its deadline, and the client should learn the cause.
    /// </summary>
    private bool IsStillWanted(InferenceItem item, long now)
    {
        if (now > item.Deadline)
        {
            item.Fail(new RequestExpiredException(
                $"The deadline passed after {Stopwatch.GetElapsedTime(item.EnqueuedAt, now).TotalMilliseconds:F1} ms in the queue of model '{_telemetry.Model}'; the image was not computed."));
            return false;
        }
        if (item.Cancellation.IsCancellationRequested)
        {
            item.Fail(new OperationCanceledException("The call was cancelled while its image waited in the queue.", item.Cancellation));
            return false;
        }
        return true;
    }

    private void Execute(List<InferenceItem> batch)
    {
        var count = batch.Count;
        var imageLength = _backend.ImageLength;
        var start = Stopwatch.GetTimestamp();
        try
        {
            var input = _backend.GetInputBuffer(count);
            for (var i = 0; i < count; i++) batch[i].Image.WriteTo(input.Slice(i * imageLength, imageLength));
            var outputs = _backend.Execute(count);
            var end = Stopwatch.GetTimestamp();
            var compute = Stopwatch.GetElapsedTime(start, end);
            _telemetry.RecordBatch(count, compute.TotalSeconds);
            for (var i = 0; i < count; i++)
            {
                var item = batch[i];
                item.Succeed(outputs.Scores[i], item.WantsMap ? outputs.AnomalyMap(i) : default,
                    Stopwatch.GetElapsedTime(item.EnqueuedAt, start), compute, count);
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Batch of {Count} images failed in model {Model}", count, _telemetry.Model);
            foreach (var item in batch) item.Fail(e);
        }
    }
}
