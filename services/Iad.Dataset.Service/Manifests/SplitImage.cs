using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;

namespace Iad.Dataset.Service.Manifests;

/// <summary>
/// One image of a manifest split as clients see it, in manifest order (items by id, their views by id, so the views of
/// a sample are consecutive). This is what GetManifest lists and StreamSplit sends, one entry per view.
/// </summary>
/// <remarks>
/// <para>Id: the item id for single-view datasets (view id <c>0</c>), else <c>&lt;item id&gt;/&lt;view id&gt;</c>.</para>
/// <para>Label and defect type say what the setting tells a method: an item relabelled by the setting (a noisy or
/// FUIAD anomaly labelled normal in train) is normal with defect type <c>good</c> and exposes no mask; otherwise the
/// view's own ground truth and the sample's defect type. The ground truth of relabelled items stays in the canonical
/// JSON.</para>
/// </remarks>
/// <param name="Index">0-based position in the split.</param>
/// <param name="Id">Image id.</param>
/// <param name="Item">The manifest item.</param>
/// <param name="View">The view.</param>
/// <param name="Label">Label as the setting tells it.</param>
/// <param name="DefectType">Defect type, <c>good</c> for normal.</param>
/// <param name="MaskVisible">Whether the view's masks may be sent.</param>
public sealed record SplitImage(int Index, string Id, ManifestItem Item, ManifestView View, SampleLabel Label, string DefectType, bool MaskVisible)
{
    /// <summary>The images of <paramref name="split"/> in manifest order.</summary>
    public static IReadOnlyList<SplitImage> Of(ManifestSplit split)
    {
        var images = new List<SplitImage>(split.Items.Count);
        foreach (var item in split.Items)
        {
            var relabelled = item.Label != item.GroundTruth;
            foreach (var view in item.Views)
            {
                var id = view.Id == Datasets.Model.View.SingleViewId ? item.Id : $"{item.Id}/{view.Id}";
                var label = relabelled ? item.Label : view.Label;
                var defect = label == SampleLabel.Anomalous ? item.DefectType ?? "unknown" : "good";
                images.Add(new SplitImage(images.Count, id, item, view, label, defect, !relabelled && view.MaskPaths.Count > 0));
            }
        }
        return images;
    }
}
