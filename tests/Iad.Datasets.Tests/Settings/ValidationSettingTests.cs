using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class ValidationSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(new CategoryShape("bottle", 50, 5, ("broken", 4)));

    [Fact]
    public void Ten_percent_of_train_is_held_out_and_test_is_untouched()
    {
        var plain = SettingsBuilder.Build(Scan, new SettingSpec("mini")).Task("bottle");
        var task = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Validation = new ValidationOptions() }).Task("bottle");

        Assert.Equal(45, task.Train.Items.Count);
        Assert.Equal(5, task.Validation.Items.Count);
        Assert.Equal(5, task.Achieved[AchievedKeys.ValidationSize]);
        Assert.Equal(plain.Train.Ids().Order(StringComparer.Ordinal), task.Train.Ids().Concat(task.Validation.Ids()).Order(StringComparer.Ordinal));
        Assert.Equal(plain.Test.Ids(), task.Test.Ids());
        ManifestAssert.Disjoint(task);
    }

    [Fact]
    public void Augmented_copies_travel_with_their_sample()
    {
        var spec = new SettingSpec("mini") { Regime = new FewShotOptions(8, 2), Validation = new ValidationOptions(0.25) };
        var task = SettingsBuilder.Build(Scan, spec).Task("bottle");

        Assert.Equal(2, task.Validation.Items.Count);
        Assert.All(task.Validation.Items, static i => Assert.False(i.IsCopy));
        Assert.Equal(6 * 3, task.Train.Items.Count);
        ManifestAssert.Disjoint(task);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.6)]
    public void Fractions_outside_the_range_are_refused(double fraction)
    {
        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Validation = new ValidationOptions(fraction) }));
    }

    [Fact]
    public void A_hold_out_that_leaves_nothing_to_train_on_is_refused()
    {
        var spec = new SettingSpec("mini") { Regime = new FewShotOptions(1), Validation = new ValidationOptions() };

        var error = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, spec));

        Assert.Contains("holds out 1 of the 1 training samples of 'bottle'", error.Message);
    }
}
