using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// MVTec AD: <c>&lt;root&gt;/&lt;category&gt;/{train,test}/&lt;good|defect&gt;/NNN.png</c>, masks
/// <c>ground_truth/&lt;defect&gt;/NNN_mask.png</c>, exactly one per anomalous image (missing → error).
/// Files at the root (licence, readme) are skipped. Sample id <c>&lt;category&gt;/&lt;split&gt;/&lt;good|defect&gt;/&lt;stem&gt;</c>.
/// Detected when every category folder has one of the 15 MVTec AD names.
/// </summary>
public sealed class MvtecAdLayout : IDatasetLayout
{
    /// <summary>The 15 categories of MVTec AD.</summary>
    public static readonly IReadOnlySet<string> KnownCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        "bottle", "cable", "capsule", "carpet", "grid", "hazelnut", "leather", "metal_nut", "pill", "screw", "tile",
        "toothbrush", "transistor", "wood", "zipper",
    };

    internal static readonly TreeRules Rules = new(["good"], DefectTypeFromFolder: true, MaskNaming.MaskSuffix, MasksRequired: true);

    /// <inheritdoc />
    public string Name => "mvtec_ad";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => TreeDatasetReader.AllCategoriesKnown(root, string.Empty, KnownCategories);

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root) => TreeDatasetReader.Read(root, string.Empty, Name, Rules);
}
