using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class MvtecAdLayoutTests
{
    [Fact]
    public void Reads_categories_counts_and_defect_types()
    {
        using var tree = MiniDatasets.MvtecAd();
        var scan = new MvtecAdLayout().Read(tree.Root);

        Assert.Equal("mvtec_ad", scan.Layout);
        Assert.Equal(["bottle", "grid"], scan.CategoryNames);
        Assert.Equal(3, scan.Count("bottle", DatasetSplit.Train, SampleLabel.Normal));
        Assert.Equal(2, scan.Count("bottle", DatasetSplit.Test, SampleLabel.Normal));
        Assert.Equal(2, scan.Count("bottle", DatasetSplit.Test, SampleLabel.Anomalous, "broken_large"));
        Assert.Equal(1, scan.Count("bottle", DatasetSplit.Test, SampleLabel.Anomalous, "contamination"));
        Assert.Equal(0, scan.Count("bottle", DatasetSplit.Train, SampleLabel.Anomalous));
        Assert.Equal(3, scan.Count("grid"));
        Assert.Equal(11, scan.Samples.Count);
    }

    [Fact]
    public void Pairs_masks_by_label_folder_not_by_colliding_stem()
    {
        using var tree = MiniDatasets.MvtecAd();
        var scan = new MvtecAdLayout().Read(tree.Root);
        var byId = scan.Samples.ToDictionary(s => s.Id);

        var defect = byId["bottle/test/broken_large/000"];
        Assert.Equal("bottle/test/broken_large/000.png", defect.Views[0].ImagePath);
        Assert.Equal(["bottle/ground_truth/broken_large/000_mask.png"], defect.Views[0].MaskPaths);
        Assert.Equal(View.SingleViewId, defect.Views[0].Id);

        var good = byId["bottle/test/good/000"];
        Assert.Equal(SampleLabel.Normal, good.Label);
        Assert.Null(good.DefectType);
        Assert.False(good.Views[0].HasMask);
    }

    [Fact]
    public void Scan_is_sorted_and_repeatable()
    {
        using var tree = MiniDatasets.MvtecAd();
        var first = new MvtecAdLayout().Read(tree.Root).Samples.Select(s => s.Id).ToArray();
        var second = new MvtecAdLayout().Read(tree.Root).Samples.Select(s => s.Id).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(first.Order(StringComparer.Ordinal), first);
    }

    [Fact]
    public void Missing_mask_of_anomalous_image_names_the_image()
    {
        using var tree = MiniDatasets.MvtecAd();
        tree.Delete("bottle/ground_truth/contamination/000_mask.png");

        var error = Assert.Throws<MissingMaskException>(() => new MvtecAdLayout().Read(tree.Root));
        Assert.Equal("bottle/test/contamination/000.png", error.Path);
        Assert.Contains("bottle/test/contamination/000.png", error.Message);
        Assert.Equal("bottle/ground_truth/contamination/000_mask.png", error.ExpectedMask);
    }

    [Fact]
    public void Mask_without_image_is_refused()
    {
        using var tree = MiniDatasets.MvtecAd();
        tree.Images("bottle/ground_truth/broken_large/007_mask.png");

        var error = Assert.Throws<MaskMismatchException>(() => new MvtecAdLayout().Read(tree.Root));
        Assert.Equal("bottle/ground_truth/broken_large/007_mask.png", error.Path);
    }

    [Fact]
    public void Empty_category_folders_are_an_empty_dataset()
    {
        using var tree = new TempTree().Folder("bottle/train/good").Folder("bottle/test/good");

        var error = Assert.Throws<EmptyDatasetException>(() => new MvtecAdLayout().Read(tree.Root));
        Assert.Equal(tree.Root.FullPath, error.Path);
    }
}
