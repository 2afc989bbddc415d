using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// MPDD: the MVTec AD tree and mask convention (<c>ground_truth/&lt;defect&gt;/NNN_mask.png</c>, required for every
/// anomalous image). Detected when every category folder has one of MPDD's six names. Sample id as MVTec AD.
/// </summary>
public sealed class MpddLayout : IDatasetLayout
{
    /// <summary>The six categories of MPDD.</summary>
    public static readonly IReadOnlySet<string> KnownCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        "bracket_black", "bracket_brown", "bracket_white", "connector", "metal_plate", "tubes",
    };

    /// <inheritdoc />
    public string Name => "mpdd";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => TreeDatasetReader.AllCategoriesKnown(root, string.Empty, KnownCategories);

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root) => TreeDatasetReader.Read(root, string.Empty, Name, MvtecAdLayout.Rules);
}
