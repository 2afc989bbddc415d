using Microsoft.ML.OnnxRuntime;

namespace Iad.Onnx.Runtime;

/// <summary>How an ONNX Runtime session is created.</summary>
public sealed record SessionSettings
{
    /// <summary>Execution provider choice; <see cref="ExecutionProviderPreference.Auto"/> by default.</summary>
    public ExecutionProviderPreference Provider { get; init; } = ExecutionProviderPreference.Auto;

    /// <summary>Threads used inside one operator; 0 lets ONNX Runtime use one per physical core.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Threads running independent operators in parallel; 0 or 1 runs operators sequentially.</summary>
    public int InterOpThreads { get; init; }

    /// <summary>
    /// Whether idle intra-op worker threads busy-wait for the next parallel section (ONNX Runtime's default, true) or
    /// sleep at once (false). Spinning shaves wake-up latency off each operator when nothing else needs the cores; a
    /// server whose network and request threads share those cores should turn it off, since the spinning workers hold
    /// a core for a while after every run.
    /// </summary>
    public bool IntraOpSpinning { get; init; } = true;

    /// <summary>Graph optimisation level; all optimisations by default.</summary>
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>CUDA device ordinal used when the CUDA provider is chosen.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Checks value ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A thread count or device id is negative.</exception>
    public void Validate()
    {
        if (IntraOpThreads < 0) throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, "Thread counts must be ≥ 0.");
        if (InterOpThreads < 0) throw new ArgumentOutOfRangeException(nameof(InterOpThreads), InterOpThreads, "Thread counts must be ≥ 0.");
        if (CudaDeviceId < 0) throw new ArgumentOutOfRangeException(nameof(CudaDeviceId), CudaDeviceId, "Device ids must be ≥ 0.");
    }
}
