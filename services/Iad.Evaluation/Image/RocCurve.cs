using Iad.Evaluation.Curves;
using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Image;

/// <summary>
/// ROC curve points for plotting: one point per distinct score t (descending), FPR(t) = |{normal : s ≥ t}| / N,
/// TPR(t) = |{anomalous : s ≥ t}| / P, preceded by the origin with threshold +∞. No point is dropped (scikit-learn's
/// <c>drop_intermediate</c> would remove collinear ones; the area is the same).
/// </summary>
/// <param name="Fpr">False-positive rates, non-decreasing, from 0 to 1.</param>
/// <param name="Tpr">True-positive rates, non-decreasing, from 0 to 1.</param>
/// <param name="Thresholds">The threshold of each point; the first is +∞.</param>
public sealed record RocCurve(double[] Fpr, double[] Tpr, double[] Thresholds)
{
    /// <summary>Computes the curve; only one class present throws <see cref="UndefinedMetricException"/>.</summary>
    public static RocCurve Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var sorted = DescendingScores.Create(labels, scores);
        ScoreValidation.RequireBothClasses("ROC curve", sorted.Positives, sorted.Negatives);
        var n = sorted.Thresholds.Length + 1;
        var fpr = new double[n];
        var tpr = new double[n];
        var thresholds = new double[n];
        thresholds[0] = double.PositiveInfinity;
        for (var k = 1; k < n; k++)
        {
            fpr[k] = sorted.FalsePositives[k - 1] / sorted.Negatives;
            tpr[k] = sorted.TruePositives[k - 1] / sorted.Positives;
            thresholds[k] = sorted.Thresholds[k - 1];
        }
        return new RocCurve(fpr, tpr, thresholds);
    }
}
