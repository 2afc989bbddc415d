using Iad.Evaluation.Image;

namespace Iad.Evaluation.Sample;

/// <summary>
/// S-AUROC over multi-view samples: views are grouped into samples (<see cref="SampleScores.Aggregate"/>: label = any
/// view anomalous, score = max of the view scores, or the mean when selected), then AUROC (Mann–Whitney, ties ½) is
/// taken over samples. Only one class among samples: <see cref="UndefinedMetricException"/>.
/// </summary>
public static class SampleAuroc
{
    /// <summary>S-AUROC of views (one sample id, label and score per view).</summary>
    public static double Compute(IReadOnlyList<string> sampleIds, ReadOnlySpan<int> labels, ReadOnlySpan<double> scores,
        ViewAggregation aggregation = ViewAggregation.Max)
    {
        var samples = SampleScores.Aggregate(sampleIds, labels, scores, aggregation);
        return Auroc.Compute(samples.Labels, samples.Scores);
    }
}
