using System.Text.Json;
using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class ContinualSettingTests
{
    private static readonly DatasetScan Scan = TestScans.Mvtec(
        new CategoryShape("zipper", 6, 2, ("broken", 2)),
        new CategoryShape("bottle", 6, 2, ("broken", 2)),
        new CategoryShape("carpet", 6, 2, ("cut", 2)));

    private static string[] RecordedOrder(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("spec").GetProperty("continual").GetProperty("task_order")
            .EnumerateArray().Select(static e => e.GetString()!).ToArray();
    }

    [Fact]
    public void Default_order_is_canonical_and_recorded()
    {
        var manifest = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Continual = new ContinualOptions() });

        Assert.Equal(["bottle", "carpet", "zipper"], manifest.Tasks.Select(static t => t.Name));
        Assert.Equal(["bottle", "carpet", "zipper"], manifest.Spec.Continual!.TaskOrder);
        Assert.Equal(["bottle", "carpet", "zipper"], RecordedOrder(manifest.CanonicalJson));
    }

    [Fact]
    public void A_given_order_is_followed_and_changes_the_hash()
    {
        var canonical = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Continual = new ContinualOptions() });
        var custom = SettingsBuilder.Build(Scan, new SettingSpec("mini") { Continual = new ContinualOptions { TaskOrder = ["zipper", "bottle", "carpet"] } });

        Assert.Equal(["zipper", "bottle", "carpet"], custom.Tasks.Select(static t => t.Name));
        Assert.Equal([0, 1, 2], custom.Tasks.Select(static t => t.Index));
        Assert.Equal(["zipper", "bottle", "carpet"], RecordedOrder(custom.CanonicalJson));
        Assert.NotEqual(canonical.Sha256, custom.Sha256);
        Assert.Equal(canonical.Task("bottle").Train.Ids(), custom.Task("bottle").Train.Ids());
    }

    [Fact]
    public void An_order_that_differs_from_the_selected_categories_is_refused()
    {
        var spec = new SettingSpec("mini") { Categories = ["bottle", "carpet"], Continual = new ContinualOptions { TaskOrder = ["carpet", "zipper"] } };

        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, spec));
    }

    [Fact]
    public void Unknown_or_repeated_tasks_are_refused()
    {
        var unknown = Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Continual = new ContinualOptions { TaskOrder = ["bottle", "wood"] } }));
        Assert.Throws<SettingException>(() => SettingsBuilder.Build(Scan, new SettingSpec("mini") { Continual = new ContinualOptions { TaskOrder = ["bottle", "bottle"] } }));

        Assert.Contains("'wood' does not exist; categories: bottle, carpet, zipper", unknown.Message);
    }
}
