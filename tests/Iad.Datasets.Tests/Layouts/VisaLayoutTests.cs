using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class VisaLayoutTests
{
    [Fact]
    public void Split_file_decides_membership_split_and_label()
    {
        using var tree = MiniDatasets.Visa();
        var scan = new VisaLayout().Read(tree.Root);

        Assert.Equal(["candle", "capsules"], scan.CategoryNames);
        Assert.Equal(8, scan.Samples.Count);
        Assert.Equal(2, scan.Count("capsules", DatasetSplit.Train, SampleLabel.Normal));
        Assert.Equal(1, scan.Count("capsules", DatasetSplit.Test, SampleLabel.Normal));
        Assert.Equal(2, scan.Count("capsules", DatasetSplit.Test, SampleLabel.Anomalous));
        Assert.Equal(0, scan.Count(split: DatasetSplit.Train, label: SampleLabel.Anomalous));
        Assert.DoesNotContain(scan.Samples, s => s.Views[0].ImagePath.EndsWith("003.JPG", StringComparison.Ordinal));
    }

    [Fact]
    public void Colliding_stems_get_distinct_ids_and_masks_follow_the_csv()
    {
        using var tree = MiniDatasets.Visa();
        var byId = new VisaLayout().Read(tree.Root).Samples.ToDictionary(s => s.Id);

        var normal = byId["capsules/train/normal/000"];
        var anomaly = byId["capsules/test/anomaly/000"];
        Assert.Equal("capsules/Data/Images/Normal/000.JPG", normal.Views[0].ImagePath);
        Assert.Empty(normal.Views[0].MaskPaths);
        Assert.Equal("capsules/Data/Images/Anomaly/000.JPG", anomaly.Views[0].ImagePath);
        Assert.Equal(["capsules/Data/Masks/Anomaly/000.png"], anomaly.Views[0].MaskPaths);
    }

    [Fact]
    public void Defect_types_come_from_image_anno_when_present()
    {
        using var tree = MiniDatasets.Visa();
        var byId = new VisaLayout().Read(tree.Root).Samples.ToDictionary(s => s.Id);

        Assert.Equal("scratch,crack", byId["capsules/test/anomaly/000"].DefectType);
        Assert.Equal("squeeze", byId["capsules/test/anomaly/001"].DefectType);
        Assert.Null(byId["candle/test/anomaly/000"].DefectType);
    }

    [Fact]
    public void Listed_image_missing_on_disk_is_refused()
    {
        using var tree = MiniDatasets.Visa();
        tree.Delete("candle/Data/Images/Normal/0001.JPG");

        var error = Assert.Throws<MissingImageException>(() => new VisaLayout().Read(tree.Root));
        Assert.Equal("candle/Data/Images/Normal/0001.JPG", error.Path);
        Assert.Equal(VisaLayout.SplitFile, error.ListedIn);
    }

    [Fact]
    public void Anomaly_row_without_mask_is_refused()
    {
        using var tree = MiniDatasets.Visa();
        tree.Text("split_csv/1cls.csv", "object,split,label,image,mask\ncandle,test,anomaly,candle/Data/Images/Anomaly/000.JPG,\n");

        var error = Assert.Throws<MissingMaskException>(() => new VisaLayout().Read(tree.Root));
        Assert.Equal("candle/Data/Images/Anomaly/000.JPG", error.Path);
    }

    [Fact]
    public void Unknown_split_value_reports_the_line()
    {
        using var tree = MiniDatasets.Visa();
        tree.Text("split_csv/1cls.csv", "object,split,label,image,mask\ncandle,val,normal,candle/Data/Images/Normal/0000.JPG,\n");

        var error = Assert.Throws<DatasetFormatException>(() => new VisaLayout().Read(tree.Root));
        Assert.Contains("line 2", error.Message);
    }
}
