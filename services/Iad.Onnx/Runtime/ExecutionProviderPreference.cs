namespace Iad.Onnx.Runtime;

/// <summary>Which ONNX Runtime execution provider a session should use.</summary>
public enum ExecutionProviderPreference
{
    /// <summary>CUDA when this build carries the CUDA provider (<c>-p:IadGpu=true</c>) and a GPU is visible and starts; CPU otherwise.</summary>
    Auto,

    /// <summary>Always the CPU provider.</summary>
    Cpu,

    /// <summary>CUDA or fail with <see cref="ExecutionProviderUnavailableException"/>.</summary>
    Cuda,
}

/// <summary>Parsing and naming of <see cref="ExecutionProviderPreference"/> and <see cref="ExecutionProviderKind"/>.</summary>
public static class ExecutionProviderNames
{
    /// <summary>Parses <c>auto</c>, <c>cpu</c> or <c>cuda</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public static ExecutionProviderPreference Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "auto" => ExecutionProviderPreference.Auto,
        "cpu" => ExecutionProviderPreference.Cpu,
        "cuda" => ExecutionProviderPreference.Cuda,
        _ => throw new ArgumentException($"Unknown execution provider '{value}'; expected auto, cpu or cuda.", nameof(value)),
    };

    /// <summary>The short lower-case name reported to clients and metrics: <c>cpu</c> or <c>cuda</c>.</summary>
    public static string ToName(this ExecutionProviderKind kind) => kind switch
    {
        ExecutionProviderKind.Cuda => "cuda",
        _ => "cpu",
    };
}
