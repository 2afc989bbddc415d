using Iad.Datasets.Errors;
using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Masks;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// KolektorSDD (KSDD): <c>&lt;root&gt;/kos01…kos50/PartK.jpg</c> with <c>PartK_label.bmp</c> beside each image. There is
/// no label file and no split: an image is anomalous exactly when its label mask has a non-zero pixel (probed with an
/// <see cref="IMaskProbe"/>, by default <see cref="BmpMaskProbe"/>); split is <see cref="DatasetSplit.Unsplit"/>. Images
/// and masks pair by name, never by sorted position, so a folder with fewer parts cannot shift the pairing. Every
/// image must have its label mask (black masks of good parts are kept). One category <c>kolektorsdd</c>; the physical
/// item folder is part of the id: <c>kolektorsdd/unsplit/&lt;kosNN&gt;/&lt;stem&gt;</c>. Detected by <c>kos&lt;NN&gt;</c> folders holding
/// <c>*_label</c> masks.
/// </summary>
public sealed class KolektorSddLayout(IMaskProbe probe) : IDatasetLayout
{
    /// <summary>The single category name.</summary>
    public const string Category = "kolektorsdd";

    private const string FolderPrefix = "kos";
    private const string LabelSuffix = "_label";

    /// <summary>Reader probing <c>.bmp</c> label masks.</summary>
    public KolektorSddLayout()
        : this(new BmpMaskProbe())
    {
    }

    /// <inheritdoc />
    public string Name => "kolektor_sdd";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root)
    {
        var folders = ItemFolders(root);
        return folders.Count > 0 && folders.Exists(f => root.ListFiles(f).Any(n => ImageFiles.IsImage(n) && ImageFiles.Stem(n).EndsWith(LabelSuffix, StringComparison.Ordinal)));
    }

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root)
    {
        var samples = new List<Sample>();
        foreach (var folder in ItemFolders(root))
        {
            var files = ImageFiles.List(root, folder);
            var masks = files.Where(static f => ImageFiles.Stem(f).EndsWith(LabelSuffix, StringComparison.Ordinal))
                .ToDictionary(static f => ImageFiles.Stem(f)[..^LabelSuffix.Length], StringComparer.Ordinal);
            foreach (var image in files.Where(static f => !ImageFiles.Stem(f).EndsWith(LabelSuffix, StringComparison.Ordinal)))
            {
                var stem = ImageFiles.Stem(image);
                var imagePath = DatasetRoot.Join(folder, image);
                if (!masks.Remove(stem, out var mask))
                {
                    throw new MissingMaskException(imagePath, DatasetRoot.Join(folder, stem + LabelSuffix + ".bmp"));
                }

                var maskPath = DatasetRoot.Join(folder, mask);
                bool anomalous;
                using (var stream = root.OpenRead(maskPath))
                {
                    anomalous = probe.HasForeground(stream, maskPath, threshold: 0);
                }

                samples.Add(Sample.SingleView(
                    SampleId.Of([Category, SplitNames.Token(DatasetSplit.Unsplit), folder, stem]),
                    Category,
                    DatasetSplit.Unsplit,
                    anomalous ? SampleLabel.Anomalous : SampleLabel.Normal,
                    defectType: null,
                    subclass: null,
                    imagePath,
                    [maskPath]));
            }

            foreach (var orphan in masks.Values.Order(StringComparer.Ordinal))
            {
                throw new MaskMismatchException(DatasetRoot.Join(folder, orphan), "no image with its stem exists");
            }
        }

        return new DatasetScan(Name, root.FullPath, [CategoryInfo.Plain(Category)], samples);
    }

    private static List<string> ItemFolders(DatasetRoot root) =>
        root.ListDirectories(string.Empty)
            .Where(static f => f.StartsWith(FolderPrefix, StringComparison.Ordinal) && f.Length > FolderPrefix.Length && f[FolderPrefix.Length..].All(char.IsAsciiDigit))
            .ToList();
}
