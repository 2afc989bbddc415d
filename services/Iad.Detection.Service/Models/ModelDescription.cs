using Iad.Detection.Service.Scheduling;
using Iad.Onnx.Runtime;

namespace Iad.Detection.Service.Models;

/// <summary>What ListLoadedModels reports about a ready model.</summary>
/// <param name="ModelId"><c>name@version</c>.</param>
/// <param name="Name">Model name.</param>
/// <param name="Provider">Execution provider actually used.</param>
/// <param name="InputSize">Input side in pixels (height; detectors are square).</param>
/// <param name="BankRows">Memory-bank rows from metadata or the registry record, 0 when unknown.</param>
/// <param name="BankBytes">Memory-bank bytes from metadata, 0 when unknown.</param>
/// <param name="ModelBytes">ONNX file size.</param>
/// <param name="Batching">The batcher's limits.</param>
/// <param name="Threshold">Image-score threshold from metadata, or null.</param>
/// <param name="Metadata">All metadata properties of the model.</param>
public sealed record ModelDescription(
    string ModelId,
    string Name,
    ExecutionProviderKind Provider,
    int InputSize,
    long BankRows,
    long BankBytes,
    long ModelBytes,
    BatchingLimits Batching,
    double? Threshold,
    IReadOnlyDictionary<string, string> Metadata);
