namespace Iad.Reports.Model;

/// <summary>
/// Everything the report shows for one method in one run.
/// </summary>
/// <param name="Method">Method name, e.g. <c>patchcore</c>; also names its files (lower-cased, characters outside
/// [a-z0-9.-] replaced by '-'). When two results share a method name, the backbone is appended to tell them apart.</param>
/// <param name="Backbone">Backbone name, e.g. <c>wide_resnet50_2</c>.</param>
/// <param name="TaskNames">Task names in training order; length T ≥ 1.</param>
/// <param name="AccuracyMatrices">Metric name → T×T continual accuracy matrix: row k = after training task k,
/// column j = evaluated on task j; entries above the diagonal (and any unmeasured entry) are NaN.</param>
/// <param name="ForgettingMeasure">Metric name → mean forgetting FM (NaN or absent for one-task runs).</param>
/// <param name="FinalMeanAccuracy">Metric name → mean over j of T[K, j], K the last task.</param>
/// <param name="Efficiency">Latency, throughput and sizes; null when not measured.</param>
/// <param name="Curves">Per-task curves of the final model; empty when none were kept.</param>
/// <param name="Overlays">A few test images with anomaly maps; empty when none were kept.</param>
public sealed record MethodResult(
    string Method,
    string Backbone,
    IReadOnlyList<string> TaskNames,
    IReadOnlyDictionary<string, double[,]> AccuracyMatrices,
    IReadOnlyDictionary<string, double> ForgettingMeasure,
    IReadOnlyDictionary<string, double> FinalMeanAccuracy,
    EfficiencySummary? Efficiency,
    IReadOnlyList<TaskCurves> Curves,
    IReadOnlyList<OverlaySample> Overlays);
