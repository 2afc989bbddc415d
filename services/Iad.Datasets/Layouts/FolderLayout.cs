using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// Generic folder layout for custom datasets: <c>&lt;root&gt;/&lt;category&gt;/{train,validation,test}/&lt;label&gt;/&lt;image&gt;</c>
/// with optional masks in <c>&lt;root&gt;/&lt;category&gt;/ground_truth/&lt;label&gt;/</c> named <c>&lt;stem&gt;.&lt;ext&gt;</c> or
/// <c>&lt;stem&gt;_mask.&lt;ext&gt;</c>. Label folders named in <see cref="NormalLabels"/> are normal; any other label folder
/// is a defect type. When <c>ground_truth/&lt;label&gt;</c> exists, every anomalous image of that label must have a
/// mask and every mask an image; labels without a mask folder carry no masks. Also reads the prepared VisA "1cls"
/// tree (<c>test/bad</c>, <c>ground_truth/bad/&lt;stem&gt;.png</c>). Sample id
/// <c>&lt;category&gt;/&lt;split&gt;/&lt;label&gt;/&lt;stem&gt;</c>. Detected when the root holds at least one category.
/// </summary>
public sealed class FolderLayout : IDatasetLayout
{
    /// <summary>Label folder names read as normal (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> NormalLabels = ["good", "normal", "ok"];

    private static readonly TreeRules Rules = new(NormalLabels, DefectTypeFromFolder: true, MaskNaming.SameStemOrMaskSuffix, MasksRequired: false);

    /// <inheritdoc />
    public string Name => "folder";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => CategoryTree.Categories(root, string.Empty).Count > 0;

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root) => TreeDatasetReader.Read(root, string.Empty, Name, Rules);
}
