using Iad.Datasets.Errors;
using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// Magnetic Tile Defect (MTD): <c>[Magnetic-tile-defect-datasets./]MT_&lt;Type&gt;/Imgs/</c> holding each image
/// <c>&lt;stem&gt;.jpg</c> next to its mask <c>&lt;stem&gt;.png</c> (the extension tells them apart). One category
/// <c>mtd</c>; <c>MT_Free</c> is normal, every other folder is anomalous with defect type = folder name without
/// <c>MT_</c> (<c>Blowhole</c>, <c>Break</c>, <c>Crack</c>, <c>Fray</c>, <c>Uneven</c>). No split is published:
/// <see cref="DatasetSplit.Unsplit"/>. Defective images must have a mask; <c>MT_Free</c>'s all-zero masks are kept.
/// Masks are anti-aliased, so <see cref="DatasetScan.MaskThreshold"/> is 127 (value &gt; 127 is defect), which keeps the
/// annotated core and drops the soft edge. Top-level files (README, dataset.png) are skipped. Stems are unique across
/// folders. Sample id <c>mtd/unsplit/&lt;Type&gt;/&lt;stem&gt;</c>. Detected by an <c>MT_*/Imgs</c> folder.
/// </summary>
public sealed class MtdLayout : IDatasetLayout
{
    /// <summary>Repository folder name (it ends with a dot); read when present, else the root itself is the base.</summary>
    public const string RepositoryFolder = "Magnetic-tile-defect-datasets.";

    /// <summary>The single category name.</summary>
    public const string Category = "mtd";

    /// <summary>Mask threshold for the anti-aliased MTD masks (defect = value &gt; 127).</summary>
    public const int MaskThreshold = 127;

    private const string FolderPrefix = "MT_";
    private const string NormalType = "Free";
    private const string ImagesFolder = "Imgs";

    /// <inheritdoc />
    public string Name => "mtd";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => TypeFolders(root, BasePath(root)).Count > 0;

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root)
    {
        var basePath = BasePath(root);
        var samples = new List<Sample>();
        foreach (var folder in TypeFolders(root, basePath))
        {
            var type = folder[FolderPrefix.Length..];
            var normal = type == NormalType;
            var imagesPath = DatasetRoot.Join(basePath, folder, ImagesFolder);
            var files = ImageFiles.List(root, imagesPath);
            var masks = files.Where(static f => ImageFiles.HasExtension(f, ".png")).ToDictionary(ImageFiles.Stem, StringComparer.Ordinal);
            foreach (var image in files.Where(static f => !ImageFiles.HasExtension(f, ".png")))
            {
                var stem = ImageFiles.Stem(image);
                var imagePath = DatasetRoot.Join(imagesPath, image);
                string[] maskPaths = masks.Remove(stem, out var mask) ? [DatasetRoot.Join(imagesPath, mask)] : [];
                if (!normal && maskPaths.Length == 0)
                {
                    throw new MissingMaskException(imagePath, DatasetRoot.Join(imagesPath, stem + ".png"));
                }

                samples.Add(Sample.SingleView(
                    SampleId.Of(Category, DatasetSplit.Unsplit, type, stem),
                    Category,
                    DatasetSplit.Unsplit,
                    normal ? SampleLabel.Normal : SampleLabel.Anomalous,
                    normal ? null : type,
                    subclass: null,
                    imagePath,
                    maskPaths));
            }

            foreach (var orphan in masks.Values.Order(StringComparer.Ordinal))
            {
                throw new MaskMismatchException(DatasetRoot.Join(imagesPath, orphan), "no .jpg image with its stem exists");
            }
        }

        return new DatasetScan(Name, root.FullPath, [CategoryInfo.Plain(Category)], samples, MaskThreshold);
    }

    private static string BasePath(DatasetRoot root) => root.IsDirectory(RepositoryFolder) ? RepositoryFolder : string.Empty;

    private static List<string> TypeFolders(DatasetRoot root, string basePath) =>
        root.ListDirectories(basePath)
            .Where(f => f.StartsWith(FolderPrefix, StringComparison.Ordinal) && f.Length > FolderPrefix.Length
                && root.IsDirectory(DatasetRoot.Join(basePath, f, ImagesFolder)))
            .ToList();
}
