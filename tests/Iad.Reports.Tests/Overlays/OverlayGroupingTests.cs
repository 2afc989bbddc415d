using Iad.Reports.Overlays;
using Iad.Reports.Tests.Support;

namespace Iad.Reports.Tests.Overlays;

public sealed class OverlayGroupingTests
{
    [Theory]
    [InlineData(false, 0.1, OverlayGroup.Good)]
    [InlineData(false, 0.9, OverlayGroup.Good)]
    [InlineData(true, 0.5, OverlayGroup.Detected)]
    [InlineData(true, 0.9, OverlayGroup.Detected)]
    [InlineData(true, 0.49, OverlayGroup.Missed)]
    public void Classifies_by_label_and_score_against_threshold(bool anomalous, double score, OverlayGroup expected) =>
        Assert.Equal(expected, OverlayGrouping.Classify(SampleReports.Overlay("x", anomalous, score, withMask: false, threshold: 0.5)));

    [Fact]
    public void Groups_keep_input_order_and_put_the_missed_anomaly_in_missed()
    {
        var groups = OverlayGrouping.Group(SampleReports.FullMethod().Overlays);
        Assert.Equal(["good-1", "good-2"], groups[(int)OverlayGroup.Good].Select(s => s.Caption));
        Assert.Equal(["hit-1", "hit-2"], groups[(int)OverlayGroup.Detected].Select(s => s.Caption));
        Assert.Equal(["miss-1"], groups[(int)OverlayGroup.Missed].Select(s => s.Caption));
    }

    [Fact]
    public void A_flagged_normal_image_is_an_incorrect_decision()
    {
        Assert.False(OverlayGrouping.IsCorrect(SampleReports.Overlay("fp", anomalous: false, score: 0.7, withMask: false)));
        Assert.True(OverlayGrouping.IsCorrect(SampleReports.Overlay("tn", anomalous: false, score: 0.2, withMask: false)));
    }

    [Fact]
    public void Grid_height_follows_the_documented_formula()
    {
        // 7 good → 2 rows, 0 detected → header only, 1 missed → 1 row.
        var expected = 2 * 8 + (24 + 2 * (128 + 30 + 8)) + 24 + (24 + 1 * (128 + 30 + 8));
        Assert.Equal(expected, OverlayGridLayout.Height(7, 0, 1));
        Assert.Equal(824, OverlayGridLayout.Width);
    }
}
