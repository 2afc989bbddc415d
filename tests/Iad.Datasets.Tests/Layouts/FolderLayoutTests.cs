using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class FolderLayoutTests
{
    [Fact]
    public void Reads_labels_and_pairs_both_mask_namings()
    {
        using var tree = MiniDatasets.Folder();
        var scan = new FolderLayout().Read(tree.Root);
        var byId = scan.Samples.ToDictionary(s => s.Id);

        Assert.Equal(["widget"], scan.CategoryNames);
        Assert.Equal(2, scan.Count(split: DatasetSplit.Train, label: SampleLabel.Normal));
        Assert.Equal(1, scan.Count(split: DatasetSplit.Test, label: SampleLabel.Normal));
        Assert.Equal(2, scan.Count(defectType: "scratch"));
        Assert.Equal(["widget/ground_truth/scratch/d_mask.png"], byId["widget/test/scratch/d"].Views[0].MaskPaths);
        Assert.Equal("widget/test/scratch/e.JPG", byId["widget/test/scratch/e"].Views[0].ImagePath);
        Assert.Equal(["widget/ground_truth/scratch/e.png"], byId["widget/test/scratch/e"].Views[0].MaskPaths);
        Assert.Equal(SampleLabel.Anomalous, byId["widget/test/dent/f"].Label);
        Assert.False(byId["widget/test/dent/f"].Views[0].HasMask);
    }

    [Fact]
    public void A_label_with_a_mask_folder_must_pair_completely()
    {
        using var tree = MiniDatasets.Folder();
        tree.Delete("widget/ground_truth/scratch/e.png");

        var error = Assert.Throws<MissingMaskException>(() => new FolderLayout().Read(tree.Root));
        Assert.Equal("widget/test/scratch/e.JPG", error.Path);
    }

    [Fact]
    public void Two_masks_for_one_stem_are_refused()
    {
        using var tree = MiniDatasets.Folder();
        tree.Images("widget/ground_truth/scratch/d.png");

        Assert.Throws<MaskMismatchException>(() => new FolderLayout().Read(tree.Root));
    }
}
