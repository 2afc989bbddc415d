using Iad.Evaluation.Curves;
using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Image;

/// <summary>
/// F1-max: max over thresholds t (every distinct score; predicted anomalous when score ≥ t) of
/// F1(t) = 2·P(t)·R(t) / (P(t) + R(t)), as taken over scikit-learn's <c>precision_recall_curve</c>. Among thresholds
/// with the same F1 the lowest is reported (the first maximum in scikit-learn's ascending-threshold order, like
/// anomalib's F1 adaptive threshold). O(n log n).
/// </summary>
/// <remarks>
/// No anomalous entry: <see cref="UndefinedMetricException"/>. NaN score or a label outside {0, 1}:
/// <see cref="ArgumentException"/> naming the index.
/// </remarks>
public sealed class F1Max : ImageMetric<F1MaxResult>
{
    /// <summary>F1-max and its threshold for <paramref name="scores"/> against <paramref name="labels"/>.</summary>
    public static F1MaxResult Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var sorted = DescendingScores.Create(labels, scores);
        ScoreValidation.RequirePositives("F1-max", sorted.Positives);
        var sweep = sorted.Sweep();
        return new F1MaxResult(sweep.F1Max, sweep.F1Threshold);
    }

    /// <inheritdoc />
    protected override F1MaxResult Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Compute(labels, scores);
}
