using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class RealIadLayoutTests
{
    [Theory]
    [InlineData(MiniDatasets.RealIadPlacement.Official)]
    [InlineData(MiniDatasets.RealIadPlacement.Anomalib)]
    [InlineData(MiniDatasets.RealIadPlacement.Ader)]
    public void Groups_five_views_per_sample_wherever_the_jsons_sit(MiniDatasets.RealIadPlacement placement)
    {
        using var tree = MiniDatasets.RealIad(placement);
        var scan = new RealIadLayout().Read(tree.Root);

        Assert.Equal(["audiojack", "toy"], scan.CategoryNames);
        Assert.Equal(5, scan.Samples.Count);
        Assert.All(scan.Samples, s => Assert.Equal(["C1", "C2", "C3", "C4", "C5"], s.Views.Select(v => v.Id)));
        Assert.Equal(1, scan.Count("audiojack", DatasetSplit.Train, SampleLabel.Normal));
        Assert.Equal(1, scan.Count("audiojack", DatasetSplit.Test, SampleLabel.Normal));
        Assert.Equal(1, scan.Count("audiojack", DatasetSplit.Test, SampleLabel.Anomalous, "HS"));
        Assert.Equal(1, scan.Count("toy", DatasetSplit.Test, SampleLabel.Anomalous, "AK"));
    }

    [Fact]
    public void View_labels_come_from_the_json_not_the_ng_folder()
    {
        using var tree = MiniDatasets.RealIad();
        var sample = new RealIadLayout().Read(tree.Root).Samples.Single(s => s.Id == "audiojack/test/audiojack__0064_NG_HS");

        Assert.Equal(SampleLabel.Anomalous, sample.Label);
        Assert.Equal(
            [SampleLabel.Anomalous, SampleLabel.Anomalous, SampleLabel.Normal, SampleLabel.Normal, SampleLabel.Normal],
            sample.Views.Select(v => v.Label));
        Assert.All(sample.Views, v => Assert.Contains("/NG/HS/S0064/", v.ImagePath));
        Assert.Equal(["realiad_1024/audiojack/NG/HS/S0064/audiojack__0064_NG_HS_C1_20231021130001.png"], sample.Views[0].MaskPaths);
        Assert.Empty(sample.Views[2].MaskPaths);
    }

    [Fact]
    public void Single_underscore_names_group_the_same_way()
    {
        using var tree = MiniDatasets.RealIad();
        var sample = new RealIadLayout().Read(tree.Root).Samples.Single(s => s.Id == "toy/test/toy_0003_NG_AK");

        Assert.Equal(SampleLabel.Anomalous, sample.Views[0].Label);
        Assert.Equal(4, sample.Views.Count(v => v.Label == SampleLabel.Normal));
    }

    [Fact]
    public void Missing_mask_of_an_anomalous_view_is_refused()
    {
        using var tree = MiniDatasets.RealIad();
        tree.Delete("realiad_1024/toy/NG/AK/S0003/toy_0003_NG_AK_C1_20231021130001.png");

        var error = Assert.Throws<MissingMaskException>(() => new RealIadLayout().Read(tree.Root));
        Assert.Equal("realiad_1024/toy/NG/AK/S0003/toy_0003_NG_AK_C1_20231021130001.jpg", error.Path);
    }

    [Fact]
    public void Json_path_leaving_the_root_is_refused()
    {
        using var tree = MiniDatasets.RealIad();
        tree.Text("realiad_jsons/toy.json", """
            {"meta": {"prefix": "toy/", "normal_class": "OK"},
             "train": [{"category": "toy", "anomaly_class": "OK", "image_path": "../../../../etc/x_C1_1.jpg", "mask_path": null}]}
            """);

        Assert.Throws<PathEscapeException>(() => new RealIadLayout().Read(tree.Root));
    }

    [Fact]
    public void Image_name_without_view_field_is_a_format_error()
    {
        using var tree = MiniDatasets.RealIad();
        tree.Images("realiad_1024/toy/OK/S0009/toy_0009.jpg");
        tree.Text("realiad_jsons/toy.json", """
            {"meta": {"prefix": "toy/"}, "train": [{"category": "toy", "anomaly_class": "OK", "image_path": "OK/S0009/toy_0009.jpg", "mask_path": null}]}
            """);

        var error = Assert.Throws<DatasetFormatException>(() => new RealIadLayout().Read(tree.Root));
        Assert.Equal("realiad_jsons/toy.json", error.Path);
    }
}
