using Iad.Evaluation.Efficiency;

namespace Iad.Evaluation.Tests.Efficiency;

public class LatencySummaryTests
{
    [Fact]
    public void Percentiles_interpolate_like_numpy()
    {
        // numpy.percentile(range(1, 101), [50, 95, 99]) = 50.5, 95.05, 99.01.
        var seconds = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();
        var summary = LatencySummary.FromDurations(seconds);
        Assert.Equal(50.5, summary.P50Seconds, 1e-9);
        Assert.Equal(95.05, summary.P95Seconds, 1e-9);
        Assert.Equal(99.01, summary.P99Seconds, 1e-9);
        Assert.Equal(50.5, summary.MeanSeconds, 1e-9);
        Assert.Equal(100 / 5050.0, summary.ThroughputPerSecond, 1e-12);
    }

    [Fact]
    public void Single_duration_and_invalid_input()
    {
        var one = LatencySummary.FromDurations([0.002]);
        Assert.Equal((0.002, 0.002, 500.0), (one.P50Seconds, one.P99Seconds, one.ThroughputPerSecond));
        Assert.Throws<ArgumentException>(() => LatencySummary.FromDurations([]));
        Assert.Contains("index 1", Assert.Throws<ArgumentException>(() => LatencySummary.FromDurations([0.1, double.NaN])).Message);
    }

    [Fact]
    public void Efficiency_row_takes_the_summary_figures()
    {
        var latency = LatencySummary.FromDurations([0.01, 0.02, 0.03]);
        var row = EfficiencyRow.From("run-1", "patchcore", latency, 1 << 20, null, 4096, 12.5);
        Assert.Equal(latency.P95Seconds, row.LatencyP95Seconds);
        Assert.Null(row.PeakGpuBytes);
        Assert.Equal(latency.ThroughputPerSecond, row.ThroughputImagesPerSecond);
    }
}
