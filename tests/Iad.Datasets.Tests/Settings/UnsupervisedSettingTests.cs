using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class UnsupervisedSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(
        new CategoryShape("grid", 12, 4, ("bent", 3)) { TrainAnomalous = 2 },
        new CategoryShape("bottle", 20, 5, ("broken", 4), ("contamination", 2)));

    [Fact]
    public void Train_is_the_normal_training_split_and_test_the_whole_test_split()
    {
        var manifest = SettingsBuilder.Build(Scan, new SettingSpec("mini"));
        var grid = manifest.Task("grid");

        Assert.Equal(12, grid.Train.Items.Count);
        Assert.All(grid.Train.Items, static i => Assert.Equal(SampleLabel.Normal, i.GroundTruth));
        Assert.Equal(7, grid.Test.Items.Count);
        Assert.Equal(3, grid.Test.CountTruth(SampleLabel.Anomalous));
        Assert.Empty(grid.Validation.Items);
        Assert.Equal(7, grid.Achieved[AchievedKeys.TestSize]);
        Assert.Equal(12 + 20, manifest.Achieved[AchievedKeys.TrainSize]);
        Assert.Equal(12, manifest.Achieved["grid/" + AchievedKeys.TrainSize]);
        ManifestAssert.Disjoint(grid);
    }

    [Fact]
    public void Every_category_is_one_task_in_canonical_order_unless_categories_are_given()
    {
        var all = SettingsBuilder.Build(Scan, new SettingSpec("mini"));
        var chosen = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Categories = ["grid", "bottle"] });

        Assert.Equal(["bottle", "grid"], all.Tasks.Select(static t => t.Name));
        Assert.Equal([0, 1], all.Tasks.Select(static t => t.Index));
        Assert.Equal(["grid", "bottle"], chosen.Tasks.Select(static t => t.Name));
        Assert.Equal(["grid", "bottle"], chosen.Spec.Categories);
    }

    [Fact]
    public void Items_are_sorted_by_id_and_keep_paths_and_masks()
    {
        var test = SettingsBuilder.Build(Scan, new SettingSpec("mini")).Task("bottle").Test;

        Assert.Equal(test.Ids().Order(StringComparer.Ordinal), test.Ids());
        var anomaly = test.Items.First(static i => i.GroundTruth == SampleLabel.Anomalous);
        Assert.Equal(anomaly.Id + ".png", anomaly.Views[0].ImagePath);
        Assert.Single(anomaly.Views[0].MaskPaths);
        Assert.NotNull(anomaly.DefectType);
        Assert.Equal(View.SingleViewId, Assert.Single(anomaly.Views).Id);
    }

    [Fact]
    public void Unknown_categories_are_refused_naming_the_existing_ones()
    {
        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Categories = ["carpet"] }));

        Assert.Contains("'carpet'", error.Message);
        Assert.Contains("bottle, grid", error.Message);
    }

    [Fact]
    public void A_category_listed_twice_is_refused()
    {
        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Categories = ["grid", "grid"] }));
    }

    [Fact]
    public void Unsplit_datasets_send_a_share_of_normals_and_every_anomaly_to_test()
    {
        var scan = TestScans.Mvtec(new CategoryShape("rail", 30, 20, ("crack", 3)) { Unsplit = true });
        var task = SettingsBuilder.Build(scan, new SettingSpec("mini")).Task("rail");

        Assert.Equal(40, task.Train.Items.Count);
        Assert.All(task.Train.Items, static i => Assert.Equal(SampleLabel.Normal, i.GroundTruth));
        Assert.Equal(10 + 3, task.Test.Items.Count);
        Assert.Equal(3, task.Test.CountTruth(SampleLabel.Anomalous));
    }

    [Fact]
    public void A_category_without_test_samples_is_refused()
    {
        var scan = TestScans.Mvtec(new CategoryShape("empty", 5, 0));

        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(scan, new SettingSpec("mini")));

        Assert.Contains("no test samples in category 'empty'", error.Message);
    }
}
