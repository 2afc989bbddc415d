using Iad.Contracts.V1;
using DetectionMessage = Iad.Contracts.V1.Detection;
using Iad.Detection.Service.Models;

namespace Iad.Detection.Service.Inference;

/// <summary>The outcome of one detection request.</summary>
/// <param name="Detections">One result per image, in request order.</param>
/// <param name="Model">The model version that computed them.</param>
/// <param name="QueueTime">Longest queue wait among the request's images.</param>
/// <param name="ComputeTime">Longest batch execution among the request's images.</param>
/// <param name="TotalTime">Server-side time from arrival to results.</param>
/// <param name="BatchSize">Largest batch any of the request's images was computed in.</param>
public sealed record DetectionResult(
    IReadOnlyList<DetectionMessage> Detections, ModelDescription Model, TimeSpan QueueTime, TimeSpan ComputeTime, TimeSpan TotalTime, int BatchSize);
