namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Multi-view handling (SPEC §3 item 10). The aggregation rule is recorded for the evaluator. With
/// <see cref="SingleView"/> every sample keeps only that view (Real-IAD single-view = <c>C1</c>), its label becomes that
/// view's label, and samples lacking the view are left out.
/// </summary>
/// <param name="Aggregation">Sample score rule; default max.</param>
/// <param name="SingleView">View id to keep, or null for all views.</param>
public sealed record MultiViewOptions(ViewAggregation Aggregation = ViewAggregation.Max, string? SingleView = null);
