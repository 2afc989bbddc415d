using Iad.Datasets.Errors;
using Iad.Datasets.Model;

namespace Iad.Datasets.Tests.Model;

public sealed class DatasetScanTests
{
    private static Sample Single(string id, DatasetSplit split, SampleLabel label, string? defect = null, string category = "c") =>
        Sample.SingleView(id, category, split, label, defect, null, id + ".png", []);

    [Fact]
    public void Samples_and_categories_are_sorted_ordinally()
    {
        var scan = new DatasetScan(
            "test", "/data",
            [CategoryInfo.Plain("c"), CategoryInfo.Plain("B")],
            [Single("c/b", DatasetSplit.Train, SampleLabel.Normal), Single("c/B", DatasetSplit.Train, SampleLabel.Normal), Single("B/a", DatasetSplit.Test, SampleLabel.Normal, category: "B")]);

        Assert.Equal(["B/a", "c/B", "c/b"], scan.Samples.Select(s => s.Id));
        Assert.Equal(["B", "c"], scan.CategoryNames);
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var error = Assert.Throws<DuplicateSampleIdException>(() => new DatasetScan(
            "test", "/data", [CategoryInfo.Plain("c")],
            [Single("c/x", DatasetSplit.Train, SampleLabel.Normal), Single("c/x", DatasetSplit.Test, SampleLabel.Normal)]));

        Assert.Equal("c/x", error.SampleId);
    }

    [Fact]
    public void No_samples_is_an_empty_dataset_naming_the_root()
    {
        var error = Assert.Throws<EmptyDatasetException>(() => new DatasetScan("test", "/data/empty", [], []));

        Assert.Equal("/data/empty", error.Path);
        Assert.Contains("/data/empty", error.Message);
    }

    [Fact]
    public void Unlisted_category_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DatasetScan("test", "/data", [CategoryInfo.Plain("a")], [Single("c/x", DatasetSplit.Train, SampleLabel.Normal)]));
    }

    [Fact]
    public void Count_groups_per_category_split_label_and_defect()
    {
        var scan = new DatasetScan(
            "test", "/data", [CategoryInfo.Plain("c")],
            [
                Single("c/1", DatasetSplit.Train, SampleLabel.Normal),
                Single("c/2", DatasetSplit.Train, SampleLabel.Normal),
                Single("c/3", DatasetSplit.Test, SampleLabel.Anomalous, "scratch"),
                Single("c/4", DatasetSplit.Test, SampleLabel.Anomalous, "crack"),
                Single("c/5", DatasetSplit.Test, SampleLabel.Anomalous, "scratch"),
            ]);

        Assert.Equal(
            [
                new SampleCount("c", DatasetSplit.Train, SampleLabel.Normal, null, 2),
                new SampleCount("c", DatasetSplit.Test, SampleLabel.Anomalous, "crack", 1),
                new SampleCount("c", DatasetSplit.Test, SampleLabel.Anomalous, "scratch", 2),
            ],
            scan.CountGroups());
        Assert.Equal(3, scan.Count(split: DatasetSplit.Test));
        Assert.Equal(2, scan.Count(defectType: "scratch"));
    }

    [Fact]
    public void Sample_label_is_anomalous_when_any_view_is()
    {
        var sample = new Sample("c/s", "c", DatasetSplit.Test, "HS", null,
        [
            new View("C2", "b.jpg", [], SampleLabel.Normal),
            new View("C1", "a.jpg", ["a.png"], SampleLabel.Anomalous),
        ]);
        var normal = new Sample("c/t", "c", DatasetSplit.Test, null, null, [new View("C1", "a.jpg", [], SampleLabel.Normal)]);

        Assert.Equal(SampleLabel.Anomalous, sample.Label);
        Assert.Equal(["C1", "C2"], sample.Views.Select(v => v.Id));
        Assert.Equal(SampleLabel.Normal, normal.Label);
    }

    [Fact]
    public void Sample_needs_views_with_distinct_ids()
    {
        Assert.Throws<ArgumentException>(() => new Sample("c/s", "c", DatasetSplit.Test, null, null, []));
        Assert.Throws<ArgumentException>(() => new Sample("c/s", "c", DatasetSplit.Test, null, null,
            [new View("C1", "a.jpg", [], SampleLabel.Normal), new View("C1", "b.jpg", [], SampleLabel.Normal)]));
    }

    [Fact]
    public void Sample_id_parts_must_not_contain_separators()
    {
        Assert.Equal("bottle/test/crack/000", SampleId.Of("bottle", DatasetSplit.Test, "crack", "000"));
        Assert.Throws<ArgumentException>(() => SampleId.Of(["a/b", "c"]));
        Assert.Throws<ArgumentException>(() => SampleId.Of(["a", string.Empty]));
    }
}
