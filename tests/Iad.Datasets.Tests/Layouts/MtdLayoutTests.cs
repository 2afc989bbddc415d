using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class MtdLayoutTests
{
    [Fact]
    public void Reads_one_unsplit_category_with_folder_defect_types()
    {
        using var tree = MiniDatasets.Mtd();
        var scan = new MtdLayout().Read(tree.Root);

        Assert.Equal(["mtd"], scan.CategoryNames);
        Assert.Equal(5, scan.Samples.Count);
        Assert.All(scan.Samples, s => Assert.Equal(DatasetSplit.Unsplit, s.Split));
        Assert.Equal(2, scan.Count(label: SampleLabel.Normal));
        Assert.Equal(2, scan.Count(defectType: "Blowhole"));
        Assert.Equal(1, scan.Count(defectType: "Uneven"));
        Assert.Equal(MtdLayout.MaskThreshold, scan.MaskThreshold);
    }

    [Fact]
    public void Images_and_masks_share_the_imgs_folder()
    {
        using var tree = MiniDatasets.Mtd();
        var byId = new MtdLayout().Read(tree.Root).Samples.ToDictionary(s => s.Id);

        var defect = byId["mtd/unsplit/Blowhole/exp1_num_108719"].Views[0];
        Assert.Equal("Magnetic-tile-defect-datasets./MT_Blowhole/Imgs/exp1_num_108719.jpg", defect.ImagePath);
        Assert.Equal(["Magnetic-tile-defect-datasets./MT_Blowhole/Imgs/exp1_num_108719.png"], defect.MaskPaths);
        Assert.Equal(["Magnetic-tile-defect-datasets./MT_Free/Imgs/exp0_num_5.png"], byId["mtd/unsplit/Free/exp0_num_5"].Views[0].MaskPaths);
    }

    [Fact]
    public void Defective_image_without_mask_is_refused()
    {
        using var tree = MiniDatasets.Mtd();
        tree.Delete("Magnetic-tile-defect-datasets./MT_Uneven/Imgs/exp3_num_45042.png");

        var error = Assert.Throws<MissingMaskException>(() => new MtdLayout().Read(tree.Root));
        Assert.Equal("Magnetic-tile-defect-datasets./MT_Uneven/Imgs/exp3_num_45042.jpg", error.Path);
    }
}
