using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class CrossSubclassSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Textures("cloth", 6, 2, 3, "cotton", "linen", "silk");

    [Fact]
    public void By_default_train_covers_every_training_subclass_and_test_every_test_subclass()
    {
        var task = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new CrossSubclassOptions() }).Task("cloth");

        Assert.Equal(18, task.Train.Items.Count);
        Assert.Equal(15, task.Test.Items.Count);
        Assert.Equal(["cotton", "linen", "silk"], task.Test.Items.Select(static i => i.Subclass).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(3, task.Achieved[AchievedKeys.TestSubclasses]);
    }

    [Fact]
    public void Explicit_subclass_lists_split_train_from_test()
    {
        var options = new CrossSubclassOptions { TrainSubclasses = ["cotton", "linen"], TestSubclasses = ["silk"] };
        var task = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = options }).Task("cloth");

        Assert.Equal(12, task.Train.Items.Count);
        Assert.All(task.Train.Items, static i => Assert.NotEqual("silk", i.Subclass));
        Assert.All(task.Train.Items, static i => Assert.Equal(SampleLabel.Normal, i.GroundTruth));
        Assert.Equal(5, task.Test.Items.Count);
        Assert.All(task.Test.Items, static i => Assert.Equal("silk", i.Subclass));
        Assert.Equal(2, task.Achieved[AchievedKeys.TrainSubclasses]);
    }

    [Fact]
    public void Unknown_subclasses_are_refused_naming_the_existing_ones()
    {
        var options = new CrossSubclassOptions { TestSubclasses = ["wool"] };

        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = options }));

        Assert.Contains("'wool'", error.Message);
        Assert.Contains("cotton, linen, silk", error.Message);
    }

    [Fact]
    public void Categories_without_subclasses_are_refused()
    {
        var scan = TestScans.Mvtec(new CategoryShape("bottle", 4, 2, ("broken", 2)));

        Assert.Throws<SettingException>(() => SettingsBuilder.Build(scan, new SettingSpec("mini") { Regime = new CrossSubclassOptions() }));
    }
}
