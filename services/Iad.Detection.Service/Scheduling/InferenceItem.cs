using System.Buffers;
using System.Diagnostics;
using Iad.Detection.Service.Inputs;

namespace Iad.Detection.Service.Scheduling;

/// <summary>
/// One image travelling through a model's batcher. The submitter owns <see cref="Image"/> (kept alive until
/// <see cref="Completion"/> finishes; the batcher writes it into its batch's input slot); the batcher fills <see cref="Score"/>, the map (when asked for) and the
/// timing, then completes. A map buffer comes from <see cref="ArrayPool{T}.Shared"/>: call <see cref="ReturnMap"/>
/// once it has been read.
/// </summary>
public sealed class InferenceItem
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private float[]? _map;

    /// <param name="image">The validated image, 3·H·W values.</param>
    /// <param name="wantsMap">Whether the anomaly map must be copied out of the batch.</param>
    /// <param name="deadline"><see cref="Stopwatch"/> timestamp after which the image is dropped unscored; <see cref="long.MaxValue"/> for none.</param>
    /// <param name="cancellation">Cancels the image while it waits (e.g. the client went away).</param>
    public InferenceItem(PreparedImage image, bool wantsMap, long deadline, CancellationToken cancellation)
    {
        Image = image;
        WantsMap = wantsMap;
        Deadline = deadline;
        Cancellation = cancellation;
    }

    /// <summary>An image already in model form, [3, H, W] RGB floats in [0, 1].</summary>
    public InferenceItem(ReadOnlyMemory<float> image, bool wantsMap, long deadline, CancellationToken cancellation)
        : this(PreparedImage.FromFloats(image), wantsMap, deadline, cancellation)
    {
    }

    public PreparedImage Image { get; }

    public bool WantsMap { get; }

    public long Deadline { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>Finishes when the image has been scored, or faults with why not.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Image score.</summary>
    public float Score { get; private set; }

    /// <summary>The H·W anomaly map when <see cref="WantsMap"/>; empty otherwise or after <see cref="ReturnMap"/>.</summary>
    public ReadOnlySpan<float> Map => _map is null ? default : _map.AsSpan(0, MapLength);

    /// <summary>Time from enqueue until the batch started.</summary>
    public TimeSpan QueueTime { get; private set; }

    /// <summary>Execution time of the batch this image was in.</summary>
    public TimeSpan ComputeTime { get; private set; }

    /// <summary>Images in the batch this image was in.</summary>
    public int BatchSize { get; private set; }

    internal long EnqueuedAt { get; set; }

    private int MapLength { get; set; }

    /// <summary>Gives the map buffer back to the pool.</summary>
    public void ReturnMap()
    {
        if (_map is null) return;
        ArrayPool<float>.Shared.Return(_map);
        _map = null;
    }

    internal void Succeed(float score, ReadOnlySpan<float> map, TimeSpan queueTime, TimeSpan computeTime, int batchSize)
    {
        Score = score;
        if (WantsMap)
        {
            _map = ArrayPool<float>.Shared.Rent(map.Length);
            MapLength = map.Length;
            map.CopyTo(_map);
        }
        QueueTime = queueTime;
        ComputeTime = computeTime;
        BatchSize = batchSize;
        _completion.TrySetResult();
    }

    internal void Fail(Exception error) => _completion.TrySetException(error);

    /// <summary>The <see cref="Stopwatch"/> timestamp of a gRPC deadline (UTC; <see cref="DateTime.MaxValue"/> means none).</summary>
    public static long DeadlineTimestamp(DateTime deadlineUtc)
    {
        if (deadlineUtc == DateTime.MaxValue) return long.MaxValue;
        var now = Stopwatch.GetTimestamp();
        var ticks = (deadlineUtc - DateTime.UtcNow).TotalSeconds * Stopwatch.Frequency;
        // Deadlines centuries away would overflow the timestamp: treat them as none.
        return ticks >= long.MaxValue - (double)now ? long.MaxValue : now + (long)ticks;
    }
}
