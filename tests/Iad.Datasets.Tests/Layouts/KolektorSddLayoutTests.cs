using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class KolektorSddLayoutTests
{
    [Fact]
    public void Label_is_whether_the_label_mask_has_a_non_zero_pixel()
    {
        using var tree = MiniDatasets.KolektorSdd();
        var scan = new KolektorSddLayout().Read(tree.Root);

        Assert.Equal(["kolektorsdd"], scan.CategoryNames);
        Assert.Equal(10, scan.Samples.Count);
        Assert.Equal(2, scan.Count(label: SampleLabel.Anomalous));
        Assert.Equal(
            ["kolektorsdd/unsplit/kos01/Part1", "kolektorsdd/unsplit/kos02/Part6"],
            scan.Samples.Where(s => s.Label == SampleLabel.Anomalous).Select(s => s.Id));
        Assert.All(scan.Samples, s => Assert.Equal(DatasetSplit.Unsplit, s.Split));
        Assert.All(scan.Samples, s => Assert.True(s.Views[0].HasMask));
    }

    [Fact]
    public void Masks_pair_by_name_in_a_folder_with_fewer_parts()
    {
        using var tree = MiniDatasets.KolektorSdd();
        var sample = new KolektorSddLayout().Read(tree.Root).Samples.Single(s => s.Id == "kolektorsdd/unsplit/kos02/Part6");

        Assert.Equal("kos02/Part6.jpg", sample.Views[0].ImagePath);
        Assert.Equal(["kos02/Part6_label.bmp"], sample.Views[0].MaskPaths);
    }

    [Fact]
    public void Image_without_label_mask_is_refused()
    {
        using var tree = MiniDatasets.KolektorSdd();
        tree.Delete("kos01/Part2_label.bmp");

        var error = Assert.Throws<MissingMaskException>(() => new KolektorSddLayout().Read(tree.Root));
        Assert.Equal("kos01/Part2.jpg", error.Path);
    }
}
