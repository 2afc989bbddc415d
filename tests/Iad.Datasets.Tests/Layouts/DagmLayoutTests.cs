using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class DagmLayoutTests
{
    [Fact]
    public void Labels_come_from_labels_txt_or_label_files_in_both_splits()
    {
        using var tree = MiniDatasets.Dagm();
        var scan = new DagmLayout().Read(tree.Root);

        Assert.Equal(["Class1", "Class2"], scan.CategoryNames);
        Assert.Equal(2, scan.Count("Class1", DatasetSplit.Train, SampleLabel.Normal));
        Assert.Equal(1, scan.Count("Class1", DatasetSplit.Train, SampleLabel.Anomalous));
        Assert.Equal(1, scan.Count("Class1", DatasetSplit.Test, SampleLabel.Anomalous));
        Assert.Equal(1, scan.Count("Class1", DatasetSplit.Test, SampleLabel.Normal));
        Assert.Equal(3, scan.Count("Class2"));
        Assert.All(scan.Samples, s => Assert.Null(s.DefectType));
    }

    [Fact]
    public void Keeps_upper_case_extension_and_reads_nested_class_folder()
    {
        using var tree = MiniDatasets.Dagm();
        var byId = new DagmLayout().Read(tree.Root).Samples.ToDictionary(s => s.Id);

        Assert.Equal("Class1/Train/0002.PNG", byId["Class1/train/0002"].Views[0].ImagePath);
        Assert.Equal(["Class1/Train/Label/0002_label.PNG"], byId["Class1/train/0002"].Views[0].MaskPaths);
        Assert.Equal(["Class2/Class2/Test/Label/0002_label.PNG"], byId["Class2/test/0002"].Views[0].MaskPaths);
        Assert.Equal(SampleLabel.Normal, byId["Class2/test/0001"].Label);
    }

    [Fact]
    public void Defective_entry_without_label_file_is_refused()
    {
        using var tree = MiniDatasets.Dagm();
        tree.Delete("Class1/Train/Label/0002_label.PNG");

        var error = Assert.Throws<MissingMaskException>(() => new DagmLayout().Read(tree.Root));
        Assert.Equal("Class1/Train/0002.PNG", error.Path);
    }

    [Fact]
    public void Malformed_labels_line_reports_its_number()
    {
        using var tree = MiniDatasets.Dagm();
        tree.Text("Class1/Train/Label/Labels.txt", "3\n1\t0\t0001.PNG\t0\t0\n2\tyes\t0002.PNG\n");

        var error = Assert.Throws<DatasetFormatException>(() => new DagmLayout().Read(tree.Root));
        Assert.Contains("line 3", error.Message);
    }
}
