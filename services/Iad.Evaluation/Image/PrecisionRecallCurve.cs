using Iad.Evaluation.Curves;
using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Image;

/// <summary>
/// Precision–recall curve points for plotting: the point (recall 0, precision 1) with threshold +∞, then one point per
/// distinct score t (descending) with P(t) = tp/(tp + fp), R(t) = tp / P over everything scoring ≥ t. This is
/// scikit-learn's <c>precision_recall_curve</c> in reverse order.
/// </summary>
/// <param name="Precision">Precision of each point.</param>
/// <param name="Recall">Recall of each point, non-decreasing.</param>
/// <param name="Thresholds">The threshold of each point; the first is +∞.</param>
public sealed record PrecisionRecallCurve(double[] Precision, double[] Recall, double[] Thresholds)
{
    /// <summary>Computes the curve; no anomalous entry throws <see cref="UndefinedMetricException"/>.</summary>
    public static PrecisionRecallCurve Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var sorted = DescendingScores.Create(labels, scores);
        ScoreValidation.RequirePositives("precision-recall curve", sorted.Positives);
        var n = sorted.Thresholds.Length + 1;
        var precision = new double[n];
        var recall = new double[n];
        var thresholds = new double[n];
        precision[0] = 1;
        thresholds[0] = double.PositiveInfinity;
        for (var k = 1; k < n; k++)
        {
            var tp = sorted.TruePositives[k - 1];
            precision[k] = tp / (tp + sorted.FalsePositives[k - 1]);
            recall[k] = tp / sorted.Positives;
            thresholds[k] = sorted.Thresholds[k - 1];
        }
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }
}
