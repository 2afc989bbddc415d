using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class BtadLayoutTests
{
    [Fact]
    public void Reads_products_with_ok_ko_labels_and_no_defect_types()
    {
        using var tree = MiniDatasets.Btad();
        var scan = new BtadLayout().Read(tree.Root);

        Assert.Equal(["01", "02", "03"], scan.CategoryNames);
        Assert.Equal(2, scan.Count("01", DatasetSplit.Train, SampleLabel.Normal));
        Assert.Equal(1, scan.Count("01", DatasetSplit.Test, SampleLabel.Normal));
        Assert.Equal(2, scan.Count("01", DatasetSplit.Test, SampleLabel.Anomalous));
        Assert.Equal(3, scan.Count("03"));
        Assert.All(scan.Samples, s => Assert.Null(s.DefectType));
    }

    [Fact]
    public void Mask_extension_follows_the_product_and_ok_images_take_no_ko_mask()
    {
        using var tree = MiniDatasets.Btad();
        var byId = new BtadLayout().Read(tree.Root).Samples.ToDictionary(s => s.Id);

        Assert.Equal(["BTech_Dataset_transformed/01/ground_truth/ko/0000.png"], byId["01/test/ko/0000"].Views[0].MaskPaths);
        Assert.Equal("BTech_Dataset_transformed/01/test/ko/0000.bmp", byId["01/test/ko/0000"].Views[0].ImagePath);
        Assert.Equal(["BTech_Dataset_transformed/03/ground_truth/ko/0000.bmp"], byId["03/test/ko/0000"].Views[0].MaskPaths);
        Assert.Empty(byId["01/test/ok/0000"].Views[0].MaskPaths);
        Assert.Equal(SampleLabel.Normal, byId["01/test/ok/0000"].Label);
    }

    [Fact]
    public void Ko_image_without_mask_is_refused()
    {
        using var tree = MiniDatasets.Btad();
        tree.Delete("BTech_Dataset_transformed/03/ground_truth/ko/0000.bmp");

        var error = Assert.Throws<MissingMaskException>(() => new BtadLayout().Read(tree.Root));
        Assert.Equal("BTech_Dataset_transformed/03/test/ko/0000.bmp", error.Path);
    }
}
