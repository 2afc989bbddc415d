using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class InputSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(new CategoryShape("bottle", 40, 5, ("broken", 4)));

    [Fact]
    public void Defaults_are_256_without_crop_on_every_training_image()
    {
        var manifest = SettingsBuilder.Build(Scan, new SettingSpec("mini"));

        Assert.Equal(new InputOptions(256, 0, 1), manifest.Spec.Input);
        Assert.Equal(40, manifest.Task("bottle").Train.Items.Count);
    }

    [Fact]
    public void Profiles_resolve_and_explicit_values_win()
    {
        Assert.Equal(new InputOptions(256, 224, 1, InputProfiles.RealIad), new InputOptions(Profile: InputProfiles.RealIad).Resolve());
        Assert.Equal(new InputOptions(512, 224, 1, InputProfiles.RealIad), new InputOptions(512, Profile: InputProfiles.RealIad).Resolve());
        Assert.Equal(768, new InputOptions(Profile: InputProfiles.ImIad, Method: "csflow").Resolve().ImageSize);
        Assert.Throws<SettingException>(() => new InputOptions(Profile: InputProfiles.ImIad).Resolve());
        Assert.Throws<SettingException>(() => new InputOptions(Profile: "coco").Resolve());
    }

    [Fact]
    public void The_profile_is_recorded_and_changes_the_hash()
    {
        var plain = SettingsBuilder.Build(Scan, new SettingSpec("mini"));
        var realIad = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Input = new InputOptions(Profile: InputProfiles.RealIad) });

        Assert.Equal(224, realIad.Spec.Input.CenterCrop);
        Assert.Contains("\"profile\":\"real-iad\"", System.Text.Encoding.UTF8.GetString(realIad.CanonicalJson.Span));
        Assert.NotEqual(plain.Sha256, realIad.Sha256);
    }

    [Fact]
    public void Train_fraction_keeps_a_seeded_share_of_train_and_leaves_test_whole()
    {
        var task = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Input = new InputOptions(512, TrainFraction: 0.25) }).Task("bottle");

        Assert.Equal(10, task.Train.Items.Count);
        Assert.Equal(9, task.Test.Items.Count);
    }

    [Theory]
    [InlineData(4, 0, 1)]
    [InlineData(256, 300, 1)]
    [InlineData(256, 0, 0)]
    [InlineData(256, 0, 1.5)]
    public void Out_of_range_geometry_is_refused(int size, int crop, double fraction)
    {
        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Input = new InputOptions(size, crop, fraction) }));
    }
}
