using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Regimes;
using Iad.Imaging.Perturbations;

namespace Iad.Datasets.Settings.Modifiers;

/// <summary>
/// Turns split entries into manifest items with per-image recipes. Drift recipes come from
/// <see cref="DriftPlanner"/> seeded by <c>StableSeed.Of(seed, "drift", "&lt;sample id&gt;/&lt;view id&gt;")</c>; the
/// copy NN of a sample gets per-view recipes from <see cref="AugmentationPlanner"/> seeded by
/// <c>StableSeed.Of(seed, "augment", "&lt;sample id&gt;#augNN/&lt;view id&gt;")</c>.
/// </summary>
internal static class ItemFactory
{
    public static ManifestItem Plain(SplitEntry entry) => Item(entry, entry.Unit.Id, static _ => []);

    public static ManifestItem Drifted(SplitEntry entry, int seed) =>
        Item(entry, entry.Unit.Id, view => DriftPlanner.Draw(StableSeed.Of(seed, "drift", entry.Unit.Id + "/" + view.Id)));

    /// <summary>Copies 1…<paramref name="copies"/> of the entry, ids <c>&lt;sample id&gt;#aug01</c>….</summary>
    public static IEnumerable<ManifestItem> Copies(SplitEntry entry, int seed, int copies, AugmentationOptions augmentation)
    {
        for (var copy = 1; copy <= copies; copy++)
        {
            var id = entry.Unit.Id + ManifestItem.CopySeparator + copy.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            yield return Item(entry, id, view => AugmentationPlanner.Draw(augmentation, StableSeed.Of(seed, "augment", id + "/" + view.Id)));
        }
    }

    private static ManifestItem Item(SplitEntry entry, string id, Func<View, IReadOnlyList<Perturbation>> recipe)
    {
        var unit = entry.Unit;
        var views = new ManifestView[unit.Views.Count];
        for (var i = 0; i < views.Length; i++)
        {
            var view = unit.Views[i];
            views[i] = new ManifestView(view.Id, view.ImagePath, view.MaskPaths, view.Label, recipe(view));
        }

        return new ManifestItem(id, unit.Id, entry.Label, unit.Label, unit.DefectType, unit.Sample.Subclass, views);
    }
}
