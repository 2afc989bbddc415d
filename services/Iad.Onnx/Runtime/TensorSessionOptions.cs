namespace Iad.Onnx.Runtime;

/// <summary>How a <see cref="TensorSession"/> is opened.</summary>
public sealed record TensorSessionOptions
{
    /// <summary>Provider, threads and optimisation level.</summary>
    public SessionSettings Settings { get; init; } = new();

    /// <summary>The float32 input fed by <see cref="TensorSession.Run(int)"/>; <c>image</c> by default.</summary>
    public string InputName { get; init; } = "image";

    /// <summary>
    /// Shape of one sample without the batch axis, e.g. [3, 256, 256]. Null takes it from the model when all
    /// non-batch input dimensions are fixed there.
    /// </summary>
    public long[]? SampleShape { get; init; }

    /// <summary>Outputs to compute, in order; null means all model outputs in model order.</summary>
    public IReadOnlyList<string>? OutputNames { get; init; }

    /// <summary>Batch size whose buffers are allocated at load, so the first runs up to it touch no fresh memory.</summary>
    public int PreallocateBatchSize { get; init; } = 1;
}
