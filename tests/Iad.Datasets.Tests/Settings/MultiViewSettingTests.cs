using System.Text;
using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class MultiViewSettingTests
{
    private static readonly DatasetScan Scan = TestScans.MultiView("audiojack", 10, 10);

    [Fact]
    public void Items_are_samples_with_their_five_views_and_the_sample_label()
    {
        var manifest = SettingsBuilder.Build(Scan, new SettingSpec("mini"));
        var test = manifest.Task("audiojack").Test;

        Assert.Equal(15, test.Items.Count);
        Assert.All(test.Items, static i => Assert.Equal(["C1", "C2", "C3", "C4", "C5"], i.Views.Select(static v => v.Id)));
        var anomaly = test.Items.First(static i => i.GroundTruth == SampleLabel.Anomalous);
        Assert.Equal(2, anomaly.Views.Count(static v => v.Label == SampleLabel.Anomalous));
        Assert.Contains("\"aggregation\":\"max\"", Encoding.UTF8.GetString(manifest.CanonicalJson.Span));
    }

    [Fact]
    public void Single_view_keeps_only_that_view_and_takes_its_label()
    {
        var manifest = SettingsBuilder.Build(Scan, new SettingSpec("mini") { MultiView = new MultiViewOptions(ViewAggregation.Mean, "C1") });
        var test = manifest.Task("audiojack").Test;

        Assert.All(test.Items, static i => Assert.Equal("C1", Assert.Single(i.Views).Id));
        // Anomalous samples 0..9 show their defect on C1 when i mod 5 is 0 or 4: samples 0, 4, 5, 9.
        Assert.Equal(4, test.CountTruth(SampleLabel.Anomalous));
        Assert.All(test.Items.Where(static i => i.GroundTruth == SampleLabel.Normal), static i => Assert.Null(i.DefectType));
        var json = Encoding.UTF8.GetString(manifest.CanonicalJson.Span);
        Assert.Contains("\"aggregation\":\"mean\"", json);
        Assert.Contains("\"single_view\":\"C1\"", json);
    }

    [Fact]
    public void Unknown_views_are_refused_naming_the_existing_ones()
    {
        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { MultiView = new MultiViewOptions(SingleView: "C9") }));

        Assert.Equal("view 'C9' does not exist; views: C1, C2, C3, C4, C5.", error.Message);
    }
}
