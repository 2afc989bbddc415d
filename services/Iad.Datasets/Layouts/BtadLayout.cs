using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// BTAD (BeanTech): <c>[BTech_Dataset_transformed/]&lt;product&gt;/{train,test}/{ok,ko}/NNNN.&lt;bmp|png&gt;</c>, masks
/// <c>ground_truth/ko/NNNN.&lt;png|bmp&gt;</c> with the image's stem and no suffix; the extension varies by product
/// (<c>.png</c> for 01 and 02, <c>.bmp</c> for 03), so any image extension is accepted. <c>ok</c> = normal,
/// <c>ko</c> = anomalous without defect type; every <c>ko</c> image needs a mask. Masks pair within <c>ko</c> only,
/// so <c>test/ok/0000</c> never takes <c>ko</c>'s <c>0000</c> mask. Sample id <c>&lt;product&gt;/&lt;split&gt;/&lt;ok|ko&gt;/&lt;stem&gt;</c>.
/// Detected when every category's label folders are <c>ok</c>/<c>ko</c>.
/// </summary>
public sealed class BtadLayout : IDatasetLayout
{
    /// <summary>Folder the BTAD archive unpacks into; read when present, else the root itself is the base.</summary>
    public const string ArchiveFolder = "BTech_Dataset_transformed";

    private static readonly TreeRules Rules = new(["ok"], DefectTypeFromFolder: false, MaskNaming.SameStem, MasksRequired: true);

    /// <inheritdoc />
    public string Name => "btad";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root)
    {
        var basePath = BasePath(root);
        var categories = CategoryTree.Categories(root, basePath);
        return categories.Count > 0 && categories.TrueForAll(c =>
        {
            var labels = CategoryTree.Labels(root, DatasetRoot.Join(basePath, c));
            return labels.Contains("ok") && labels.IsSubsetOf(["ok", "ko"]);
        });
    }

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root) => TreeDatasetReader.Read(root, BasePath(root), Name, Rules);

    private static string BasePath(DatasetRoot root) => root.IsDirectory(ArchiveFolder) ? ArchiveFolder : string.Empty;
}
