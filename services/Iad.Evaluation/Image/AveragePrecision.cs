using Iad.Evaluation.Curves;
using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Image;

/// <summary>
/// Average precision, identical to scikit-learn's <c>average_precision_score</c>: AP = Σ_k (R_k − R_{k−1})·P_k over
/// the distinct scores taken as thresholds from the highest down (step-wise, no interpolation), with
/// P_k = tp_k / (tp_k + fp_k), R_k = tp_k / P and R_0 = 0. O(n log n).
/// </summary>
/// <remarks>
/// No anomalous entry: <see cref="UndefinedMetricException"/>. Only anomalous entries: 1. NaN score or a label
/// outside {0, 1}: <see cref="ArgumentException"/> naming the index.
/// </remarks>
public sealed class AveragePrecision : ImageMetric<double>
{
    /// <summary>AP of <paramref name="scores"/> against <paramref name="labels"/> (0 normal, 1 anomalous).</summary>
    public static double Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var sorted = DescendingScores.Create(labels, scores);
        ScoreValidation.RequirePositives("AP", sorted.Positives);
        return sorted.Sweep().AveragePrecision;
    }

    /// <inheritdoc />
    protected override double Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Compute(labels, scores);
}
