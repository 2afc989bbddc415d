using Iad.Onnx.Runtime;

namespace Iad.Onnx.Detector;

/// <summary>How a <see cref="DetectorSession"/> is opened.</summary>
public sealed record DetectorSessionOptions
{
    /// <summary>Provider, threads and optimisation level.</summary>
    public SessionSettings Settings { get; init; } = new();

    /// <summary>Batch size whose buffers are allocated at load (typically the batcher's maximum batch).</summary>
    public int PreallocateBatchSize { get; init; } = 1;
}
