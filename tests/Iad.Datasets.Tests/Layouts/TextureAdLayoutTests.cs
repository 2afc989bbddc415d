using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class TextureAdLayoutTests
{
    [Fact]
    public void Reads_categories_with_subclasses()
    {
        using var tree = MiniDatasets.TextureAd();
        var scan = new TextureAdLayout().Read(tree.Root);

        Assert.Equal(["cloth", "wafer"], scan.CategoryNames);
        Assert.Equal(["1", "2", "7"], scan.Samples.Select(s => s.Subclass!).Distinct().Order());
        Assert.Equal(3, scan.Count("wafer", DatasetSplit.Train, SampleLabel.Normal));
        Assert.Equal(1, scan.Count("wafer", DatasetSplit.Test, SampleLabel.Normal));
        Assert.Equal(3, scan.Count("wafer", DatasetSplit.Test, SampleLabel.Anomalous, "other"));
        Assert.Equal(2, scan.Count("cloth"));
    }

    [Fact]
    public void Masks_pair_with_anomalous_test_images_in_sorted_order()
    {
        using var tree = MiniDatasets.TextureAd();
        var byId = new TextureAdLayout().Read(tree.Root).Samples.ToDictionary(s => s.Id);

        Assert.Equal(["texture_ad/wafer/1/ground_truth/mask/m1.png"], byId["wafer/1/test/other/d"].Views[0].MaskPaths);
        Assert.Equal(["texture_ad/wafer/1/ground_truth/mask/m2.png"], byId["wafer/1/test/other/e"].Views[0].MaskPaths);
        Assert.Equal(["texture_ad/wafer/2/ground_truth/mask/x.png"], byId["wafer/2/test/other/x"].Views[0].MaskPaths);
        Assert.Equal("1", byId["wafer/1/test/other/d"].Subclass);
        Assert.Empty(byId["wafer/1/test/normal/c"].Views[0].MaskPaths);
    }

    [Fact]
    public void Count_mismatch_under_sorted_pairing_is_refused()
    {
        using var tree = MiniDatasets.TextureAd();
        tree.Delete("texture_ad/wafer/1/ground_truth/mask/m2.png");

        var error = Assert.Throws<MaskMismatchException>(() => new TextureAdLayout().Read(tree.Root));
        Assert.Equal("texture_ad/wafer/1/ground_truth/mask", error.Path);
    }

    [Fact]
    public void Stem_pairing_is_configurable()
    {
        using var tree = MiniDatasets.TextureAd();
        var layout = new TextureAdLayout(new TextureAdOptions(Pairing: TextureAdMaskPairing.Stem));

        var error = Assert.Throws<MissingMaskException>(() => layout.Read(tree.Root));
        Assert.Equal("texture_ad/wafer/1/test/other/d.png", error.Path);
    }
}
