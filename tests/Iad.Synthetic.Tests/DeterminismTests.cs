namespace Iad.Synthetic.Tests;

public class DeterminismTests
{
    private static readonly SyntheticDatasetOptions Options =
        new(Categories: 5, Seed: 11, TrainGood: 2, TestGood: 1, TestDefective: 3, ImageSize: 48, Views: 5, Subclasses: 2);

    [Fact]
    public void SameOptionsGiveByteIdenticalTrees()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        new SyntheticDatasetGenerator(Options).Generate(first.Path);
        new SyntheticDatasetGenerator(Options).Generate(second.Path);
        Assert.Equal(TempDirectory.Files(first.Path), TempDirectory.Files(second.Path));
        Assert.Equal(TempDirectory.TreeHash(first.Path), TempDirectory.TreeHash(second.Path));
    }

    [Fact]
    public void AnotherSeedGivesOtherImages()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        new SyntheticDatasetGenerator(Options with { Views = 1, Subclasses = 0 }).Generate(first.Path);
        new SyntheticDatasetGenerator(Options with { Views = 1, Subclasses = 0, Seed = 12 }).Generate(second.Path);
        var firstFile = Path.Combine(first.Path, "mvtec_ad", "grain", "train", "good", "000.png");
        var secondFile = Path.Combine(second.Path, "mvtec_ad", "grain", "train", "good", "000.png");
        Assert.NotEqual(File.ReadAllBytes(firstFile), File.ReadAllBytes(secondFile));
    }
}
