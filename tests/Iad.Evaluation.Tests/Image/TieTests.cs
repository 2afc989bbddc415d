using Iad.Evaluation.Image;

namespace Iad.Evaluation.Tests.Image;

public class TieTests
{
    // Positives score 1, 2, 3 and negatives 1, 2: U = ½ + (1 + ½) + 2 = 4 of 6 pairs.
    private static readonly int[] Labels = [0, 1, 1, 0, 1];
    private static readonly double[] Scores = [1, 1, 2, 2, 3];

    [Fact]
    public void Auroc_counts_ties_as_half() => Assert.Equal(4.0 / 6, Auroc.Compute(Labels, Scores), 1e-12);

    [Fact]
    public void Ap_steps_over_distinct_thresholds_only()
    {
        // Thresholds 3, 2, 1 give (recall, precision) = (1/3, 1), (2/3, 2/3), (1, 3/5).
        Assert.Equal((1 + 2.0 / 3 + 3.0 / 5) / 3, AveragePrecision.Compute(Labels, Scores), 1e-12);
    }

    [Fact]
    public void F1_max_reports_its_threshold()
    {
        var result = F1Max.Compute(Labels, Scores);
        Assert.Equal(0.75, result.F1, 1e-12);
        Assert.Equal(1.0, result.Threshold);
    }

    [Fact]
    public void Pg2_and_pb2_follow_the_strict_comparisons_at_the_threshold()
    {
        // PG2: m = 0, t = smallest bad = 1; good scoring < 1: none. PB2: t = largest good = 2; bad > 2: one of three.
        Assert.Equal(0.0, Pg2.Compute(Labels, Scores));
        Assert.Equal(1.0 / 3, Pb2.Compute(Labels, Scores), 1e-12);
    }

    [Fact]
    public void Negative_and_positive_zero_tie()
    {
        Assert.Equal(0.5, Auroc.Compute([0, 1], [-0.0, 0.0]));
    }
}
