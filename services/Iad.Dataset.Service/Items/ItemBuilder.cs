using Iad.Contracts.V1;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;
using Iad.Imaging.Preprocessing;

namespace Iad.Dataset.Service.Items;

/// <summary>
/// Builds wire items of a dataset's own views (GetItem) through <see cref="ImageRenderer"/>: file bytes as stored, or
/// decoded and resized with the same imaging code as training and serving, with the bit-packed union of the masks.
/// Item ids: the sample id for single-view datasets, "&lt;sample id&gt;/&lt;view id&gt;" for multi-view ones.
/// </summary>
public static class ItemBuilder
{
    public static string ItemId(Sample sample, View view) => sample.Views.Count == 1 ? sample.Id : $"{sample.Id}/{view.Id}";

    public static DatasetItem Build(DatasetRoot root, Sample sample, View view, ItemFormat format, int imageSize, bool includeMask)
    {
        var rendered = ImageRenderer.Render(
            root, new ImageSource(view.ImagePath, view.MaskPaths, []), format, new InputGeometry(imageSize, imageSize), includeMask, pooled: false);
        return new DatasetItem
        {
            Id = ItemId(sample, view),
            Category = sample.Category,
            Label = view.Label == SampleLabel.Anomalous ? Label.Anomalous : Label.Normal,
            DefectType = sample.DefectType ?? "good",
            SampleId = sample.Id,
            ViewId = view.Id,
            Subclass = sample.Subclass ?? "",
            Image = rendered.ToImage(),
            Mask = rendered.Mask,
        };
    }
}
