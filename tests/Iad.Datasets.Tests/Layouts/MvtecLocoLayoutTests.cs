using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class MvtecLocoLayoutTests
{
    [Fact]
    public void Reads_splits_including_validation()
    {
        using var tree = MiniDatasets.MvtecLoco();
        var scan = new MvtecLocoLayout().Read(tree.Root);

        Assert.Equal(["breakfast_box"], scan.CategoryNames);
        Assert.Equal(2, scan.Count(split: DatasetSplit.Train, label: SampleLabel.Normal));
        Assert.Equal(1, scan.Count(split: DatasetSplit.Validation, label: SampleLabel.Normal));
        Assert.Equal(1, scan.Count(split: DatasetSplit.Test, label: SampleLabel.Normal));
        Assert.Equal(2, scan.Count(defectType: "logical_anomalies"));
        Assert.Equal(1, scan.Count(defectType: "structural_anomalies"));
        Assert.Contains(scan.Samples, s => s.Id == "breakfast_box/validation/good/000");
    }

    [Fact]
    public void Every_region_file_of_a_mask_folder_is_a_mask_path()
    {
        using var tree = MiniDatasets.MvtecLoco();
        var scan = new MvtecLocoLayout().Read(tree.Root);
        var sample = scan.Samples.Single(s => s.Id == "breakfast_box/test/logical_anomalies/000");

        Assert.Equal(
            ["breakfast_box/ground_truth/logical_anomalies/000/000.png", "breakfast_box/ground_truth/logical_anomalies/000/001.png"],
            sample.Views[0].MaskPaths);
        Assert.Single(scan.Samples.Single(s => s.Id == "breakfast_box/test/logical_anomalies/001").Views[0].MaskPaths);
    }

    [Fact]
    public void Parses_defects_config()
    {
        using var tree = MiniDatasets.MvtecLoco();
        var category = new MvtecLocoLayout().Read(tree.Root).Categories.Single();

        Assert.Equal("breakfast_box/defects_config.json", category.DefectsConfigPath);
        Assert.Equal(
            [new DefectClass("missing_almonds", 255, 0.5, true), new DefectClass("overflow", 254, 20000, false)],
            category.DefectClasses);
    }

    [Fact]
    public void Empty_mask_folder_is_a_missing_mask()
    {
        using var tree = MiniDatasets.MvtecLoco();
        tree.Delete("breakfast_box/ground_truth/structural_anomalies/000/000.png");

        var error = Assert.Throws<MissingMaskException>(() => new MvtecLocoLayout().Read(tree.Root));
        Assert.Equal("breakfast_box/test/structural_anomalies/000.png", error.Path);
    }

    [Fact]
    public void Malformed_defects_config_names_the_file()
    {
        using var tree = MiniDatasets.MvtecLoco();
        tree.Text("breakfast_box/defects_config.json", """[{"defect_name": "x"}]""");

        var error = Assert.Throws<DatasetFormatException>(() => new MvtecLocoLayout().Read(tree.Root));
        Assert.Equal("breakfast_box/defects_config.json", error.Path);
        Assert.Contains("pixel_value", error.Message);
    }
}
