using Iad.Evaluation.Validation;

namespace Iad.Evaluation.Curves;

/// <summary>
/// Image scores sorted once (O(n log n)) and read as curve points: for each distinct score from the highest down,
/// the cumulative anomalous (tp) and normal (fp) counts of everything scoring ≥ that score.
/// </summary>
internal sealed class DescendingScores
{
    private DescendingScores(double[] thresholds, double[] tps, double[] fps, int positives, int negatives)
    {
        Thresholds = thresholds;
        TruePositives = tps;
        FalsePositives = fps;
        Positives = positives;
        Negatives = negatives;
    }

    /// <summary>Distinct scores, descending.</summary>
    public double[] Thresholds { get; }

    /// <summary>Anomalous entries scoring ≥ the threshold at the same index.</summary>
    public double[] TruePositives { get; }

    /// <summary>Normal entries scoring ≥ the threshold at the same index.</summary>
    public double[] FalsePositives { get; }

    public int Positives { get; }

    public int Negatives { get; }

    /// <summary>Validates and sorts; throws <see cref="ArgumentException"/> for NaN scores or labels outside {0, 1}.</summary>
    public static DescendingScores Create(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var positives = ScoreValidation.CheckBinary(labels, scores);
        var keys = scores.ToArray();
        var items = labels.ToArray();
        Array.Sort(keys, items);
        var thresholds = new List<double>();
        var tps = new List<double>();
        var fps = new List<double>();
        double tp = 0, fp = 0;
        for (var i = keys.Length - 1; i >= 0; i--)
        {
            if (items[i] == 1) tp++;
            else fp++;
            if (i == 0 || keys[i - 1] != keys[i])
            {
                thresholds.Add(keys[i]);
                tps.Add(tp);
                fps.Add(fp);
            }
        }
        return new DescendingScores([.. thresholds], [.. tps], [.. fps], positives, labels.Length - positives);
    }

    /// <summary>Runs the sweep over all points (no PRO term).</summary>
    public ThresholdSweep Sweep()
    {
        var sweep = new ThresholdSweep(Positives, Negatives, 1.0);
        for (var k = 0; k < Thresholds.Length; k++)
            sweep.Add(TruePositives[k], FalsePositives[k], 0, Thresholds[k]);
        return sweep;
    }
}
