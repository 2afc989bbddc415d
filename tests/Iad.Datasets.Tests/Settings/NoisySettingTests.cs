using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class NoisySettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(
        new CategoryShape("carpet", 200, 20, ("color", 40), ("cut", 40)),
        new CategoryShape("screw", 100, 10, ("thread", 8)));

    private static Manifest Build(NoiseMode mode, double ratio, params string[] categories) =>
        SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new NoisyOptions(mode, ratio), Categories = categories });

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.10)]
    [InlineData(0.15)]
    [InlineData(0.20)]
    public void Add_reaches_the_ratio_with_injected_anomalies_labelled_normal_and_removed_from_test(double ratio)
    {
        var task = Build(NoiseMode.Add, ratio, "carpet").Task("carpet");

        var injected = task.Train.Items.Where(static i => i.GroundTruth == SampleLabel.Anomalous).ToArray();
        Assert.NotEmpty(injected);
        Assert.All(task.Train.Items, static i => Assert.Equal(SampleLabel.Normal, i.Label));
        Assert.Empty(injected.Select(static i => i.Id).Intersect(task.Test.Ids()));
        Assert.Equal(200 + injected.Length, task.Train.Items.Count);
        Assert.Equal(80 - injected.Length, task.Test.CountTruth(SampleLabel.Anomalous));
        var achieved = task.Achieved[AchievedKeys.NoiseRatioAchieved];
        Assert.Equal((double)injected.Length / task.Train.Items.Count, achieved);
        Assert.InRange(achieved, ratio - (1.0 / task.Train.Items.Count), ratio + (1.0 / task.Train.Items.Count));
        Assert.True(injected.Length <= 0.75 * 80);
    }

    [Fact]
    public void Add_uses_at_most_three_quarters_of_the_test_anomalies_and_records_the_lower_ratio()
    {
        var manifest = Build(NoiseMode.Add, 0.2, "screw");
        var task = manifest.Task("screw");

        // r = 0.2 of m = 100 wants 25 anomalies; 75 % of the 8 test anomalies caps it at 6.
        Assert.Equal(6, task.Achieved[AchievedKeys.NoiseInjected]);
        Assert.Equal(6, task.Achieved[AchievedKeys.NoiseCap]);
        Assert.Equal(6.0 / 106, task.Achieved[AchievedKeys.NoiseRatioAchieved]);
        Assert.Equal(2, task.Test.CountTruth(SampleLabel.Anomalous));
        Assert.Equal(6.0 / 106, manifest.Achieved[AchievedKeys.NoiseRatioAchieved]);
    }

    [Theory]
    [InlineData(0.04)]
    [InlineData(0.08)]
    [InlineData(0.16)]
    public void Replace_keeps_the_training_size_constant(double ratio)
    {
        var task = Build(NoiseMode.Replace, ratio, "carpet").Task("carpet");

        var injected = task.Train.CountTruth(SampleLabel.Anomalous);
        Assert.Equal(200, task.Train.Items.Count);
        Assert.Equal((int)Math.Round(ratio * 200, MidpointRounding.AwayFromZero), injected);
        Assert.Equal((double)injected / 200, task.Achieved[AchievedKeys.NoiseRatioAchieved]);
        Assert.Equal(80 - injected, task.Test.CountTruth(SampleLabel.Anomalous));
        Assert.Equal(20, task.Test.CountTruth(SampleLabel.Normal));
        Assert.All(task.Train.Items, static i => Assert.Equal(SampleLabel.Normal, i.Label));
        ManifestAssert.Disjoint(task);
    }

    [Fact]
    public void Replace_needing_more_anomalies_than_test_has_is_refused()
    {
        var error = Assert.Throws<SettingException>(() => Build(NoiseMode.Replace, 0.16, "screw"));

        Assert.Contains("needs 16 test anomalies in category 'screw' but its test split has 8", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.8)]
    [InlineData(double.NaN)]
    public void Ratios_outside_the_range_are_refused(double ratio)
    {
        Assert.Throws<SettingException>(() => Build(NoiseMode.Add, ratio));
    }
}
