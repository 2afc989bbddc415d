using Iad.Evaluation.Image;

namespace Iad.Evaluation.Tests.Image;

public class EdgeCaseTests
{
    [Fact]
    public void Constant_scores_give_auroc_one_half() =>
        Assert.Equal(0.5, Auroc.Compute([0, 1, 1, 0, 0], [3.0, 3.0, 3.0, 3.0, 3.0]));

    [Fact]
    public void One_class_only_is_undefined_not_zero()
    {
        var e = Assert.Throws<UndefinedMetricException>(() => Auroc.Compute([0, 0, 0], [0.1, 0.2, 0.3]));
        Assert.Equal("AUROC", e.Metric);
        Assert.Contains("0 anomalous and 3 normal", e.Message);
        Assert.Throws<UndefinedMetricException>(() => AveragePrecision.Compute([0, 0], [0.1, 0.2]));
        Assert.Throws<UndefinedMetricException>(() => F1Max.Compute([0, 0], [0.1, 0.2]));
        Assert.Throws<UndefinedMetricException>(() => Pg2.Compute([1, 1], [0.1, 0.2]));
        Assert.Throws<UndefinedMetricException>(() => Pb2.Compute([1, 1], [0.1, 0.2]));
        Assert.Throws<UndefinedMetricException>(() => RocCurve.Compute([1, 1], [0.1, 0.2]));
    }

    [Fact]
    public void Ap_with_only_anomalous_entries_is_one() => Assert.Equal(1.0, AveragePrecision.Compute([1, 1], [0.1, 0.2]));

    [Fact]
    public void Nan_score_names_its_index()
    {
        var e = Assert.Throws<ArgumentException>(() => Auroc.Compute([0, 1, 1], [0.1, 0.2, double.NaN]));
        Assert.Contains("index 2", e.Message);
    }

    [Fact]
    public void Invalid_label_and_length_mismatch_are_rejected()
    {
        Assert.Contains("index 1 is 2", Assert.Throws<ArgumentException>(() => Auroc.Compute([0, 2], [0.1, 0.2])).Message);
        Assert.Throws<ArgumentException>(() => Auroc.Compute([0, 1], [0.1]));
    }

    [Fact]
    public void Infinite_scores_are_ordered() =>
        Assert.Equal(1.0, Auroc.Compute([0, 1, 0, 1], [double.NegativeInfinity, double.PositiveInfinity, 0, 1]));
}
