using Iad.Evaluation.Image;
using Iad.Evaluation.Tests.TestData;

namespace Iad.Evaluation.Tests.Image;

public class ImageTestVectorTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData("image-ties")]
    [InlineData("image-imbalanced")]
    [InlineData("image-separable")]
    public void All_image_metrics_match_scikit_learn(string name)
    {
        var table = TestVectors.Scores(name);
        var expected = TestVectors.Expected(name).GetProperty("image");
        Assert.Equal(expected.GetProperty("auroc").GetDouble(), Auroc.Compute(table.Labels, table.Scores), Tolerance);
        Assert.Equal(expected.GetProperty("ap").GetDouble(), AveragePrecision.Compute(table.Labels, table.Scores), Tolerance);
        Assert.Equal(expected.GetProperty("f1max").GetDouble(), F1Max.Compute(table.Labels, table.Scores).F1, Tolerance);
        Assert.Equal(expected.GetProperty("pg2").GetDouble(), Pg2.Compute(table.Labels, table.Scores), Tolerance);
        Assert.Equal(expected.GetProperty("pb2").GetDouble(), Pb2.Compute(table.Labels, table.Scores), Tolerance);
    }

    [Theory]
    [InlineData("pixel-small")]
    [InlineData("pixel-ties")]
    [InlineData("sample-multiview")]
    public void Image_auroc_and_ap_of_every_other_case_match(string name)
    {
        var table = TestVectors.Scores(name);
        var expected = TestVectors.Expected(name).GetProperty("image");
        Assert.Equal(expected.GetProperty("auroc").GetDouble(), Auroc.Compute(table.Labels, table.Scores), Tolerance);
        Assert.Equal(expected.GetProperty("ap").GetDouble(), AveragePrecision.Compute(table.Labels, table.Scores), Tolerance);
    }

    [Fact]
    public void Streaming_updates_give_the_batch_result_and_reset_forgets()
    {
        var table = TestVectors.Scores("image-ties");
        var metric = new Auroc();
        metric.Update(table.Labels.AsSpan(0, 100), table.Scores.AsSpan(0, 100));
        for (var i = 100; i < table.Labels.Length; i++) metric.Update(table.Labels[i], table.Scores[i]);
        Assert.Equal(Auroc.Compute(table.Labels, table.Scores), metric.Compute(), 1e-15);
        metric.Reset();
        Assert.Equal(0, metric.Count);
        metric.Update([0, 1], [0.2, 0.1]);
        Assert.Equal(0.0, metric.Compute());
    }
}
