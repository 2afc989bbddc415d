using Iad.Evaluation.Image;

namespace Iad.Evaluation.Tests.Image;

public class CurveTests
{
    private static readonly int[] Labels = [0, 0, 1, 1];
    private static readonly double[] Scores = [0.1, 0.4, 0.35, 0.8];

    [Fact]
    public void Roc_curve_has_one_point_per_distinct_score_after_the_origin()
    {
        var roc = RocCurve.Compute(Labels, Scores);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.Fpr);
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.Tpr);
        Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], roc.Thresholds);
    }

    [Fact]
    public void Roc_curve_area_is_the_auroc()
    {
        var roc = RocCurve.Compute(Labels, Scores);
        var area = 0.0;
        for (var k = 1; k < roc.Fpr.Length; k++) area += (roc.Fpr[k] - roc.Fpr[k - 1]) * (roc.Tpr[k] + roc.Tpr[k - 1]) / 2;
        Assert.Equal(0.75, area, 1e-12);
        Assert.Equal(0.75, Auroc.Compute(Labels, Scores), 1e-12);
    }

    [Fact]
    public void Precision_recall_curve_matches_scikit_learn_in_reverse()
    {
        // scikit-learn: precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8].
        var pr = PrecisionRecallCurve.Compute(Labels, Scores);
        Assert.Equal([1, 1, 0.5, 2.0 / 3, 0.5], pr.Precision);
        Assert.Equal([0, 0.5, 0.5, 1, 1], pr.Recall);
        Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], pr.Thresholds);
    }
}
