using Iad.Evaluation.Curves;
using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Image;

/// <summary>
/// Area under the ROC curve, exact: AUROC = U / (P·N) with the Mann–Whitney U statistic
/// U = Σ_{anomalous a} Σ_{normal n} [s_a &gt; s_n] + ½·[s_a = s_n], identical to scikit-learn's <c>roc_auc_score</c>
/// (computed as the trapezoid rule over one ROC point per distinct score). O(n log n).
/// </summary>
/// <remarks>
/// Constant scores give 0.5. Only one class present: <see cref="UndefinedMetricException"/>. NaN score or a label
/// outside {0, 1}: <see cref="ArgumentException"/> naming the index.
/// </remarks>
public sealed class Auroc : ImageMetric<double>
{
    /// <summary>AUROC of <paramref name="scores"/> against <paramref name="labels"/> (0 normal, 1 anomalous).</summary>
    public static double Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var sorted = DescendingScores.Create(labels, scores);
        ScoreValidation.RequireBothClasses("AUROC", sorted.Positives, sorted.Negatives);
        return sorted.Sweep().Auroc;
    }

    /// <inheritdoc />
    protected override double Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Compute(labels, scores);
}
