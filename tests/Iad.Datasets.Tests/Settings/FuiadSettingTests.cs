using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class FuiadSettingTests
{
    // 60 normal and 40 anomalous five-view samples; a test set of 10 + 10 leaves pools of 50 and 30.
    private static readonly DatasetScan Scan = TestScans.MultiView("audiojack", 60, 40);

    private static FuiadOptions Options(double alpha) => new(alpha) { TestNormalSamples = 10, TestAnomalousSamples = 10 };

    private static ManifestTask Build(double alpha, int seed = 0) =>
        SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = Options(alpha), Seed = seed }).Task("audiojack");

    [Fact]
    public void Test_set_is_identical_and_train_size_constant_across_alpha()
    {
        var tasks = new[] { 0, 0.1, 0.2, 0.4 }.Select(a => Build(a)).ToArray();

        // N_train = min(50, floor(30 / 0.4)) = 50.
        foreach (var task in tasks)
        {
            Assert.Equal(tasks[0].Test.Ids(), task.Test.Ids());
            Assert.Equal(50, task.Train.Items.Count);
            Assert.Equal(50, task.Achieved[AchievedKeys.FuiadTrainSamples]);
            ManifestAssert.Disjoint(task);
        }

        Assert.Equal(10, tasks[0].Test.CountTruth(SampleLabel.Normal));
        Assert.Equal(10, tasks[0].Test.CountTruth(SampleLabel.Anomalous));
        Assert.Equal([0, 5, 10, 20], tasks.Select(static t => t.Train.CountTruth(SampleLabel.Anomalous)));
        Assert.Equal([0, 0.1, 0.2, 0.4], tasks.Select(static t => t.Achieved[AchievedKeys.AlphaAchieved]));
    }

    [Fact]
    public void Alpha_counts_samples_with_all_their_views_and_labels_them_normal()
    {
        var task = Build(0.2);

        Assert.All(task.Train.Items, static i => Assert.Equal(5, i.Views.Count));
        Assert.All(task.Train.Items, static i => Assert.Equal(SampleLabel.Normal, i.Label));
        Assert.All(task.Test.Items, static i => Assert.Equal(i.GroundTruth, i.Label));
    }

    [Fact]
    public void A_larger_alpha_extends_the_anomalies_of_a_smaller_one()
    {
        static string[] Anomalies(ManifestTask task) => task.Train.Items.Where(static i => i.GroundTruth == SampleLabel.Anomalous).Select(static i => i.Id).ToArray();

        Assert.Subset(Anomalies(Build(0.4)).ToHashSet(), Anomalies(Build(0.1)).ToHashSet());
    }

    [Fact]
    public void Seeds_change_the_test_set()
    {
        Assert.NotEqual(Build(0.1, seed: 0).Test.Ids(), Build(0.1, seed: 1).Test.Ids());
    }

    [Fact]
    public void Alpha_above_alpha_max_is_refused()
    {
        var error = Assert.Throws<SettingException>(() => Build(0.5));

        Assert.Equal("FUIAD alpha=0.5 above alpha_max=0.4.", error.Message);
    }

    [Fact]
    public void Alpha_leaving_no_normal_images_is_refused()
    {
        var spec = new SettingSpec("mini") { Regime = Options(1) with { AlphaMax = 1 } };

        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, spec));

        Assert.Contains("alpha=1 leaves no normal images", error.Message);
    }

    [Fact]
    public void A_test_set_larger_than_the_category_is_refused()
    {
        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new FuiadOptions(0.1) }));

        Assert.Equal("FUIAD needs 100 normal test samples in category 'audiojack' but it has 60 normal samples.", error.Message);
    }

    [Fact]
    public void The_datasets_own_fuiad_split_is_used_verbatim()
    {
        var scan = TestScans.MultiView("audiojack", 20, 10, anomalousInTrain: 2);
        var task = SettingsBuilder.Build(scan, new SettingSpec("mini") { Regime = new FuiadOptions(0.1) { UseDatasetSplits = true } }).Task("audiojack");

        Assert.Equal(12, task.Train.Items.Count);
        Assert.Equal(2, task.Train.CountTruth(SampleLabel.Anomalous));
        Assert.Equal(18, task.Test.Items.Count);
        Assert.Equal(2.0 / 12, task.Achieved[AchievedKeys.AlphaAchieved]);
    }
}
