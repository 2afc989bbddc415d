using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Image;

/// <summary>
/// PG2, the share of good parts kept when at most 2 % of bad parts may pass as good: with m = ⌊0.02·n_bad⌋ and
/// t = the (m+1)-th smallest bad score, PG2 = |{good : score &lt; t}| / n_good (parts scoring ≥ t are sorted out as bad).
/// Ties at t count as sorted out. O(n log n).
/// </summary>
/// <remarks>
/// Only one class present: <see cref="UndefinedMetricException"/>. NaN score or a label outside {0, 1}:
/// <see cref="ArgumentException"/> naming the index.
/// </remarks>
public sealed class Pg2 : ImageMetric<double>
{
    /// <summary>PG2 of <paramref name="scores"/> against <paramref name="labels"/> (0 good, 1 bad).</summary>
    public static double Compute(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var nBad = ScoreValidation.CheckBinary(labels, scores);
        var nGood = labels.Length - nBad;
        ScoreValidation.RequireBothClasses("PG2", nBad, nGood);
        var bad = new double[nBad];
        for (int i = 0, k = 0; i < labels.Length; i++)
            if (labels[i] == 1) bad[k++] = scores[i];
        Array.Sort(bad);
        var t = bad[(int)Math.Floor(0.02 * nBad)];
        var kept = 0;
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] == 0 && scores[i] < t) kept++;
        return (double)kept / nGood;
    }

    /// <inheritdoc />
    protected override double Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores) => Compute(labels, scores);
}
