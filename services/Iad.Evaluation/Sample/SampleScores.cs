namespace Iad.Evaluation.Sample;

/// <summary>
/// Per-sample labels and scores built from per-view entries: a sample's label is 1 when any of its views is labelled
/// 1, its score is the max (or mean) of its view scores. Samples are listed in order of first appearance.
/// </summary>
/// <param name="SampleIds">Sample identifiers.</param>
/// <param name="Labels">Sample labels (0 normal, 1 anomalous).</param>
/// <param name="Scores">Aggregated sample scores.</param>
public sealed record SampleScores(string[] SampleIds, int[] Labels, double[] Scores)
{
    /// <summary>Groups views by <paramref name="sampleIds"/> (one per view, aligned with labels and scores).</summary>
    public static SampleScores Aggregate(IReadOnlyList<string> sampleIds, ReadOnlySpan<int> labels, ReadOnlySpan<double> scores,
        ViewAggregation aggregation = ViewAggregation.Max)
    {
        if (sampleIds.Count != labels.Length || labels.Length != scores.Length)
            throw new ArgumentException($"sample ids ({sampleIds.Count}), labels ({labels.Length}) and scores ({scores.Length}) must have the same length.", nameof(sampleIds));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var sampleLabels = new List<int>();
        var sums = new List<double>();
        var counts = new List<int>();
        for (var v = 0; v < labels.Length; v++)
        {
            if (labels[v] is not (0 or 1))
                throw new ArgumentException($"label at index {v} is {labels[v]}; labels must be 0 (normal) or 1 (anomalous).", nameof(labels));
            if (double.IsNaN(scores[v])) throw new ArgumentException($"score at index {v} is NaN.", nameof(scores));
            if (!index.TryGetValue(sampleIds[v], out var s))
            {
                s = ids.Count;
                index.Add(sampleIds[v], s);
                ids.Add(sampleIds[v]);
                sampleLabels.Add(0);
                sums.Add(aggregation == ViewAggregation.Max ? double.NegativeInfinity : 0);
                counts.Add(0);
            }
            sampleLabels[s] = Math.Max(sampleLabels[s], labels[v]);
            sums[s] = aggregation == ViewAggregation.Max ? Math.Max(sums[s], scores[v]) : sums[s] + scores[v];
            counts[s]++;
        }
        var sampleScores = new double[ids.Count];
        for (var s = 0; s < ids.Count; s++)
            sampleScores[s] = aggregation == ViewAggregation.Max ? sums[s] : sums[s] / counts[s];
        return new SampleScores([.. ids], [.. sampleLabels], sampleScores);
    }
}
