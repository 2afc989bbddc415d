using Iad.Contracts.V1;

namespace Iad.Client.Experiments;

/// <summary>Outcome of a continual run, as computed by the metrics service from the stored rows.</summary>
/// <param name="RunId">Results-store run id (pass to <c>--resume</c> or <c>iad report</c>).</param>
/// <param name="Tasks">Task names in learning order.</param>
/// <param name="Summaries">Per metric (<c>image_auroc</c>, <c>pixel_auroc</c>): the T×T matrix, forgetting and final accuracy.</param>
/// <param name="ModelIds">Registry id of the model after each task.</param>
/// <param name="CellsComputed">Cells evaluated by this call (0 when everything was already stored).</param>
public sealed record ContinualResult(
    string RunId,
    IReadOnlyList<string> Tasks,
    IReadOnlyDictionary<string, GetContinualSummaryResponse> Summaries,
    IReadOnlyList<string> ModelIds,
    int CellsComputed);
