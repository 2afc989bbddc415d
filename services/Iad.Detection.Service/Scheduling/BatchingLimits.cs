namespace Iad.Detection.Service.Scheduling;

/// <summary>
/// The dynamic batcher's three limits (Triton's <c>max_batch_size</c>, <c>max_queue_delay_microseconds</c> and
/// queue policy): a batch closes when it holds <see cref="MaxBatchSize"/> images or when its oldest image has waited
/// <see cref="MaxQueueDelay"/>; at most <see cref="MaxQueueSize"/> images wait at once, beyond which requests are
/// refused (RESOURCE_EXHAUSTED), so queued memory is bounded by MaxQueueSize · 3 · H · W · 4 bytes.
/// </summary>
/// <param name="MaxBatchSize">Largest batch, 1..256.</param>
/// <param name="MaxQueueDelay">Longest wait of the oldest queued image for a batch to fill, 0..1 s; 0 runs whatever is queued at once.</param>
/// <param name="MaxQueueSize">Queued images beyond which requests are refused, 1..1,048,576.</param>
public sealed record BatchingLimits(int MaxBatchSize, TimeSpan MaxQueueDelay, int MaxQueueSize)
{
    public const int DefaultMaxBatchSize = 16;
    public const int DefaultMaxQueueDelayMicroseconds = 2000;
    public const int DefaultMaxQueueSize = 1024;
    public const int MaxBatchSizeLimit = 256;
    public const int MaxQueueDelayLimitMicroseconds = 1_000_000;
    public const int MaxQueueSizeLimit = 1 << 20;

    /// <summary>16 images, 2 ms, 1024 queued images.</summary>
    public static BatchingLimits Default { get; } =
        new(DefaultMaxBatchSize, TimeSpan.FromMicroseconds(DefaultMaxQueueDelayMicroseconds), DefaultMaxQueueSize);

    /// <summary>
    /// Limits from wire values where 0 means "default" (proto3 cannot tell unset from zero).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or above its documented maximum.</exception>
    public static BatchingLimits FromWire(int maxBatchSize, int maxQueueDelayMicroseconds, int maxQueueSize)
    {
        Check(maxBatchSize, MaxBatchSizeLimit, "max_batch_size");
        Check(maxQueueDelayMicroseconds, MaxQueueDelayLimitMicroseconds, "max_queue_delay_us");
        Check(maxQueueSize, MaxQueueSizeLimit, "max_queue_size");
        return new BatchingLimits(
            maxBatchSize == 0 ? DefaultMaxBatchSize : maxBatchSize,
            TimeSpan.FromMicroseconds(maxQueueDelayMicroseconds == 0 ? DefaultMaxQueueDelayMicroseconds : maxQueueDelayMicroseconds),
            maxQueueSize == 0 ? DefaultMaxQueueSize : maxQueueSize);
    }

    private static void Check(int value, int max, string name)
    {
        if (value < 0 || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"batching.{name} = {value} is outside 0..{max} (0 means the default).");
    }
}
