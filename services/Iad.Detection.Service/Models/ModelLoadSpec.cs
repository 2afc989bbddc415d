using Iad.Detection.Service.Scheduling;
using Iad.Onnx.Runtime;

namespace Iad.Detection.Service.Models;

/// <summary>What LoadModel asks for.</summary>
/// <param name="ModelId">Registry id or <c>file:</c> id (see <see cref="ModelFileResolver"/>).</param>
/// <param name="Session">Provider preference, intra-op threads and optimisation level.</param>
/// <param name="Batching">Dynamic batching limits.</param>
public sealed record ModelLoadSpec(string ModelId, SessionSettings Session, BatchingLimits Batching);

/// <summary>The outcome of a load.</summary>
/// <param name="Model">The model now serving its name.</param>
/// <param name="LoadTime">Pull, verification, session creation and warm-up.</param>
/// <param name="CacheHit">The file came from the local cache.</param>
/// <param name="ProviderFallbackReason">Why an <c>auto</c> preference ended on CPU, or null.</param>
public sealed record ModelLoadResult(ServedModel Model, TimeSpan LoadTime, bool CacheHit, string? ProviderFallbackReason);
