using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;
using Iad.Imaging.Perturbations;

namespace Iad.Datasets.Tests.Settings;

public sealed class FewShotSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(
        new CategoryShape("bottle", 20, 5, ("broken", 4)),
        new CategoryShape("grid", 12, 4, ("bent", 3)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Exactly_k_normal_training_images_are_kept_and_test_is_whole(int k)
    {
        var manifest = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new FewShotOptions(k) });

        foreach (var task in manifest.Tasks)
        {
            Assert.Equal(k, task.Train.Items.Count);
            Assert.All(task.Train.Items, static i => Assert.Equal(SampleLabel.Normal, i.GroundTruth));
            Assert.All(task.Train.Items, static i => Assert.StartsWith(i.SampleId.Split('/')[0] + "/train/", i.Id));
            Assert.All(task.Train.Items, static i => Assert.Empty(i.Views[0].Perturbations));
            Assert.Equal(k, task.Achieved[AchievedKeys.Shots]);
        }

        Assert.Equal(9, manifest.Task("bottle").Test.Items.Count);
    }

    [Fact]
    public void Larger_shot_sets_are_drawn_afresh_per_seed()
    {
        var a = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new FewShotOptions(4), Seed = 0 }).Task("bottle").Train.Ids();
        var b = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new FewShotOptions(4), Seed = 1 }).Task("bottle").Train.Ids();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Copies_follow_their_shot_with_recorded_recipes()
    {
        var options = new FewShotOptions(2, Copies: 3) { Augmentation = new AugmentationOptions(Rotation: true, Flip: true, MaxRotationDegrees: 10) };
        var manifest = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = options, Categories = ["grid"] });
        var train = manifest.Task("grid").Train;

        Assert.Equal(2 * (1 + 3), train.Items.Count);
        var copies = train.Items.Where(static i => i.IsCopy).ToArray();
        Assert.Equal(6, copies.Length);
        Assert.Equal(6, manifest.Task("grid").Achieved[AchievedKeys.AugmentedCopies]);
        foreach (var copy in copies)
        {
            Assert.Matches(@"#aug0[1-3]$", copy.Id);
            Assert.Contains(train.Items, i => i.Id == copy.SampleId);
            var recipe = copy.Views[0].Perturbations;
            Assert.Equal([PerturbationKinds.Rotation, PerturbationKinds.Flip], recipe.Select(static p => p.Kind));
            Assert.InRange(recipe[0].Get("angle_degrees"), -10, 10);
        }

        Assert.Equal(6, copies.Select(static c => c.Views[0].Perturbations[0].Get("angle_degrees")).Distinct().Count());
        Assert.Contains("\"max_rotation_degrees\":10", System.Text.Encoding.UTF8.GetString(manifest.CanonicalJson.Span));
    }

    [Fact]
    public void K_above_the_normal_training_images_is_refused()
    {
        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new FewShotOptions(16) }));

        Assert.Equal("few-shot k=16 exceeds the 12 normal training images of 'grid'.", error.Message);
    }

    [Fact]
    public void Copies_without_an_enabled_transform_or_out_of_range_are_refused()
    {
        var none = new FewShotOptions(2, 1) { Augmentation = new AugmentationOptions(Rotation: false) };

        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = none }));
        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new FewShotOptions(2, 65) }));
        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Regime = new FewShotOptions(0) }));
    }
}
