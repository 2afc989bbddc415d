using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Image;

/// <summary>
/// PB2, the share of bad parts caught when at most 2 % of good parts may be rejected: with m = ⌊0.02·n_good⌋ and
/// t = the (m+1)-th largest good score, PB2 = |{bad : score &gt; t}| / n_bad (parts scoring &gt; t are sorted out as bad).
/// Ties at t count as passed. O(n log n).
/// </summary>
/// <remarks>
/// Only one class present: <see cref="UndefinedMetricException"/>. NaN score or a label outside {0, 1}:
/// <see cref="ArgumentException"/> naming the index.
/// </remarks>
public sealed class Pb2 : ImageMetric<double>
{
    /// <summary>PB2 of <paramref name="scores"/> against <paramref name="labels"/> (0 good, 1 bad).</summary>
    public static double Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var nBad = ScoreValidation.CheckBinary(labels, scores);
        var nGood = labels.Length - nBad;
        ScoreValidation.RequireBothClasses("PB2", nBad, nGood);
        var good = new double[nGood];
        for (int i = 0, k = 0; i < labels.Length; i++)
            if (labels[i] == 0) good[k++] = scores[i];
        Array.Sort(good);
        var t = good[nGood - 1 - (int)Math.Floor(0.02 * nGood)];
        var caught = 0;
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] == 1 && scores[i] > t) caught++;
        return (double)caught / nBad;
    }

    /// <inheritdoc />
    protected override double Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Compute(labels, scores);
}
