using Iad.Evaluation.Continual;

namespace Iad.Evaluation.Tests.Continual;

public class AccuracyMatrixTests
{
    // Rows: after task k; columns: task j.
    //   k=0: 0.90
    //   k=1: 0.80 0.95
    //   k=2: 0.85 0.70 0.92
    private static AccuracyMatrix Matrix()
    {
        var t = new AccuracyMatrix();
        double[][] rows = [[0.90], [0.80, 0.95], [0.85, 0.70, 0.92]];
        for (var k = 0; k < rows.Length; k++)
            for (var j = 0; j < rows[k].Length; j++) t.Record(k, j, rows[k][j]);
        return t;
    }

    [Fact]
    public void Forgetting_is_the_drop_from_the_best_earlier_value()
    {
        var t = Matrix();
        Assert.Equal(0.10, t.Forgetting(0, 1), 1e-12);
        Assert.Equal(0.05, t.Forgetting(0, 2), 1e-12); // max(0.90, 0.80) − 0.85
        Assert.Equal(0.25, t.Forgetting(1, 2), 1e-12); // 0.95 − 0.70
    }

    [Fact]
    public void Mean_forgetting_and_final_accuracy_use_the_last_task()
    {
        var t = Matrix();
        Assert.Equal(3, t.Tasks);
        Assert.Equal((0.05 + 0.25) / 2, t.MeanForgetting(), 1e-12);
        Assert.Equal((0.85 + 0.70 + 0.92) / 3, t.FinalMeanAccuracy(), 1e-12);
    }

    [Fact]
    public void Negative_forgetting_means_backward_transfer()
    {
        var t = new AccuracyMatrix();
        t.Record(0, 0, 0.7);
        t.Record(1, 0, 0.8);
        t.Record(1, 1, 0.9);
        Assert.Equal(-0.1, t.MeanForgetting(), 1e-12);
    }

    [Fact]
    public void Undefined_and_missing_entries_are_reported()
    {
        var t = new AccuracyMatrix();
        t.Record(0, 0, 0.9);
        Assert.Throws<UndefinedMetricException>(() => t.MeanForgetting());
        Assert.Equal(0.9, t.FinalMeanAccuracy());
        t.Record(1, 1, 0.8);
        Assert.Contains("T[1, 0]", Assert.Throws<InvalidOperationException>(() => t.MeanForgetting()).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Record(0, 1, 0.5));
        Assert.Throws<UndefinedMetricException>(() => new AccuracyMatrix().FinalMeanAccuracy());
    }
}
