using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Specs;
using Iad.Imaging.Perturbations;

namespace Iad.Datasets.Tests.Settings;

public sealed class DriftSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(new CategoryShape("bottle", 20, 10, ("broken", 10)));

    [Fact]
    public void Every_test_image_gets_one_or_two_transforms_from_different_categories_and_train_none()
    {
        var task = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Drift = true, Validation = new ValidationOptions() }).Task("bottle");

        foreach (var view in task.Test.Items.SelectMany(static i => i.Views))
        {
            Assert.InRange(view.Perturbations.Count, 1, 2);
            var categories = view.Perturbations.Select(static p => DriftRanges.CategoryOf(p.Kind)).ToArray();
            Assert.Equal(categories.Length, categories.Distinct().Count());
        }

        Assert.All(task.Train.Items.Concat(task.Validation.Items).SelectMany(static i => i.Views), static v => Assert.Empty(v.Perturbations));
        Assert.True(task.Test.Items.Select(static i => i.Views[0].Perturbations[0]).Distinct().Count() > 10);
    }

    [Fact]
    public void Recipes_are_seeded_per_image_and_setting_seed()
    {
        var a = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Drift = true, Seed = 1 }).Task("bottle").Test.Items;
        var b = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Drift = true, Seed = 1 }).Task("bottle").Test.Items;
        var c = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Drift = true, Seed = 2 }).Task("bottle").Test.Items;

        Assert.Equal(a.SelectMany(static i => i.Views[0].Perturbations), b.SelectMany(static i => i.Views[0].Perturbations));
        Assert.NotEqual(a.SelectMany(static i => i.Views[0].Perturbations), c.SelectMany(static i => i.Views[0].Perturbations));
    }

    [Fact]
    public void Without_drift_nothing_is_perturbed()
    {
        var task = SettingsBuilder.Build(Scan, new SettingSpec("mini")).Task("bottle");

        Assert.All(task.Test.Items.SelectMany(static i => i.Views), static v => Assert.Empty(v.Perturbations));
    }
}
