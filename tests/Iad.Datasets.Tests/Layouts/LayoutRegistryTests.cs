using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Layouts;

public sealed class LayoutRegistryTests
{
    public static TheoryData<string, string> Trees() => new()
    {
        { "mvtec_ad", "mvtec_ad" },
        { "mvtec_loco", "mvtec_loco" },
        { "visa", "visa" },
        { "btad", "btad" },
        { "mpdd", "mpdd" },
        { "mtd", "mtd" },
        { "dagm", "dagm" },
        { "real_iad", "real_iad" },
        { "real_iad_ader", "real_iad" },
        { "texture_ad", "texture_ad" },
        { "kolektor_sdd", "kolektor_sdd" },
        { "folder", "folder" },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public void Detects_each_layout_and_reads_it(string fixture, string expectedLayout)
    {
        using var tree = Build(fixture);
        var root = tree.Root;

        Assert.Equal(expectedLayout, LayoutRegistry.Default.Detect(root).Name);
        Assert.Equal(expectedLayout, LayoutRegistry.Default.Read(root).Layout);
    }

    [Fact]
    public void Every_layout_is_registered_once_and_found_by_name()
    {
        Assert.Equal(11, LayoutRegistry.Default.Layouts.Count);
        Assert.Equal(11, LayoutRegistry.Default.Names.Distinct().Count());
        Assert.Equal("mvtec_ad", LayoutRegistry.Default.Get("MVTEC_AD").Name);
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var error = Assert.Throws<UnknownLayoutException>(() => LayoutRegistry.Default.Get("imagenet"));
        Assert.Equal("imagenet", error.Path);
        Assert.Contains("mvtec_ad", error.Message);
    }

    [Fact]
    public void Unrecognised_folder_is_an_unknown_layout()
    {
        using var tree = new TempTree().Text("notes.txt", "nothing here").Images("pictures/a.png");

        var error = Assert.Throws<UnknownLayoutException>(() => LayoutRegistry.Default.Detect(tree.Root));
        Assert.Equal(tree.Root.FullPath, error.Path);
    }

    [Fact]
    public void Explicit_layout_name_overrides_detection()
    {
        using var tree = MiniDatasets.MvtecAd();

        Assert.Equal("folder", LayoutRegistry.Default.Read(tree.Root, "folder").Layout);
    }

    private static TempTree Build(string fixture) => fixture switch
    {
        "mvtec_ad" => MiniDatasets.MvtecAd(),
        "mvtec_loco" => MiniDatasets.MvtecLoco(),
        "visa" => MiniDatasets.Visa(),
        "btad" => MiniDatasets.Btad(),
        "mpdd" => MiniDatasets.Mpdd(),
        "mtd" => MiniDatasets.Mtd(),
        "dagm" => MiniDatasets.Dagm(),
        "real_iad" => MiniDatasets.RealIad(),
        "real_iad_ader" => MiniDatasets.RealIad(MiniDatasets.RealIadPlacement.Ader),
        "texture_ad" => MiniDatasets.TextureAd(),
        "kolektor_sdd" => MiniDatasets.KolektorSdd(),
        "folder" => MiniDatasets.Folder(),
        _ => throw new ArgumentOutOfRangeException(nameof(fixture), fixture, "No such fixture."),
    };
}
