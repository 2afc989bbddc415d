namespace Iad.Evaluation;

/// <summary>
/// Thrown when a metric cannot be computed from the given data (for example AUROC with only one class present,
/// AUPRO without any ground-truth region, forgetting with a single task). A metric that cannot be computed is
/// reported as not available: no API of this library returns 0 or NaN in its place.
/// </summary>
public sealed class UndefinedMetricException(string metric, string reason)
    : InvalidOperationException($"{metric} is undefined: {reason}")
{
    /// <summary>The metric that could not be computed, e.g. <c>AUROC</c>.</summary>
    public string Metric { get; } = metric;

    /// <summary>Why it could not be computed, with the offending counts.</summary>
    public string Reason { get; } = reason;
}
