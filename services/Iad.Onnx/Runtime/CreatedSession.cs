using Microsoft.ML.OnnxRuntime;

namespace Iad.Onnx.Runtime;

/// <summary>A new session with the provider it really runs on.</summary>
/// <param name="Session">The session; the receiver owns and disposes it.</param>
/// <param name="Provider">The provider in use.</param>
/// <param name="FallbackReason">Why <c>auto</c> did not pick CUDA, or null when it did or CPU was requested.</param>
public sealed record CreatedSession(InferenceSession Session, ExecutionProviderKind Provider, string? FallbackReason);
