using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class MpddLayoutTests
{
    [Fact]
    public void Reads_mpdd_with_mvtec_conventions()
    {
        using var tree = MiniDatasets.Mpdd();
        var scan = new MpddLayout().Read(tree.Root);

        Assert.Equal(["bracket_black", "connector"], scan.CategoryNames);
        Assert.Equal(2, scan.Count("bracket_black", DatasetSplit.Train, SampleLabel.Normal));
        Assert.Equal(2, scan.Count("bracket_black", DatasetSplit.Test, SampleLabel.Anomalous, "scratches"));
        Assert.Equal(1, scan.Count("connector", DatasetSplit.Test, SampleLabel.Anomalous, "parts_mismatch"));
        var sample = scan.Samples.Single(s => s.Id == "bracket_black/test/scratches/001");
        Assert.Equal(["bracket_black/ground_truth/scratches/001_mask.png"], sample.Views[0].MaskPaths);
    }
}
