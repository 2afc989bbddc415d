using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class FullySupervisedSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(
        new CategoryShape("bottle", 20, 5, ("broken_large", 6), ("broken_small", 6), ("contamination", 6)),
        new CategoryShape("grid", 12, 4, ("bent", 4), ("glue", 3)) { TrainAnomalous = 2 });

    private static SettingSpec Spec(FullySupervisedOptions options, int seed = 0) => new("mini") { Categories = ["bottle"], Seed = seed, Regime = options };

    [Fact]
    public void Ten_anomalies_move_from_test_to_train_with_their_masks_by_default()
    {
        var task = SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions())).Task("bottle");

        var moved = task.Train.Items.Where(static i => i.GroundTruth == SampleLabel.Anomalous).ToArray();
        Assert.Equal(10, moved.Length);
        Assert.All(moved, static i => Assert.Equal(SampleLabel.Anomalous, i.Label));
        Assert.All(moved, static i => Assert.NotEmpty(i.Views[0].MaskPaths));
        Assert.Equal(20 + 10, task.Train.Items.Count);
        Assert.Equal(5 + 18 - 10, task.Test.Items.Count);
        Assert.Empty(moved.Select(static i => i.Id).Intersect(task.Test.Ids()));
        Assert.Equal(10, task.Achieved[AchievedKeys.SupervisedAnomalies]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Anomalies_are_spread_across_defect_types(int seed)
    {
        var task = SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions(), seed)).Task("bottle");

        var perType = task.Train.Items.Where(static i => i.GroundTruth == SampleLabel.Anomalous)
            .GroupBy(static i => i.DefectType).Select(static g => g.Count()).ToArray();
        Assert.Equal(3, perType.Length);
        Assert.True(perType.Max() - perType.Min() <= 1, string.Join(",", perType));
    }

    [Fact]
    public void Different_seeds_move_different_anomalies()
    {
        var a = SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions(), 0)).Task("bottle").Train.Ids();
        var b = SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions(), 1)).Task("bottle").Train.Ids();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Too_few_test_anomalies_are_refused_with_the_numbers()
    {
        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions()) with { Categories = ["grid"] }));

        Assert.Equal("fully supervised needs 10 anomalies in category 'grid' but its test split has 7.", error.Message);
    }

    [Fact]
    public void Moving_every_test_anomaly_is_refused()
    {
        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions(7)) with { Categories = ["grid"] }));

        Assert.Contains("would leave none in the test split of category 'grid'", error.Message);
    }

    [Fact]
    public void The_datasets_own_training_anomalies_can_be_used_instead()
    {
        var task = SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions(UseDatasetTrainAnomalies: true)) with { Categories = ["grid"] }).Task("grid");

        Assert.Equal(2, task.Train.CountTruth(SampleLabel.Anomalous));
        Assert.Equal(7, task.Test.CountTruth(SampleLabel.Anomalous));
        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, Spec(new FullySupervisedOptions(UseDatasetTrainAnomalies: true))));
    }
}
