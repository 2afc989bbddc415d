using Iad.Evaluation.IO;
using Iad.Evaluation.Sample;
using Iad.Evaluation.Tests.TestData;

namespace Iad.Evaluation.Tests.Sample;

public class SampleAurocTests
{
    [Fact]
    public void Multi_view_case_matches_the_reference()
    {
        var table = TestVectors.Scores("sample-multiview");
        var samples = SampleCsvReader.Read(Path.Combine(TestVectors.Case("sample-multiview"), "samples.csv"));
        var sampleIds = SampleCsvReader.SampleIdsFor(table.Ids, samples);
        var expected = TestVectors.Expected("sample-multiview").GetProperty("sample");
        Assert.Equal(expected.GetProperty("auroc").GetDouble(), SampleAuroc.Compute(sampleIds, table.Labels, table.Scores), 1e-6);
        Assert.Equal(expected.GetProperty("n_samples").GetInt32(), SampleScores.Aggregate(sampleIds, table.Labels, table.Scores).SampleIds.Length);
    }

    [Fact]
    public void Max_and_mean_aggregation_and_any_view_labels()
    {
        string[] ids = ["a", "a", "b", "b", "c"];
        int[] labels = [0, 1, 0, 0, 0];
        double[] scores = [0.2, 0.9, 0.5, 0.7, 0.8];
        var max = SampleScores.Aggregate(ids, labels, scores);
        Assert.Equal(["a", "b", "c"], max.SampleIds);
        Assert.Equal([1, 0, 0], max.Labels);
        Assert.Equal([0.9, 0.7, 0.8], max.Scores);
        var mean = SampleScores.Aggregate(ids, labels, scores, ViewAggregation.Mean);
        Assert.Equal([0.55, 0.6, 0.8], mean.Scores, new DoubleComparer());
        Assert.Equal(1.0, SampleAuroc.Compute(ids, labels, scores));
        Assert.Equal(0.0, SampleAuroc.Compute(ids, labels, scores, ViewAggregation.Mean));
    }

    [Fact]
    public void Samples_of_one_class_are_undefined() =>
        Assert.Throws<UndefinedMetricException>(() => SampleAuroc.Compute(["a", "b"], [0, 0], [0.1, 0.2]));

    private sealed class DoubleComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
