using Iad.Datasets.Errors;
using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// Texture-AD: <c>[texture_ad/]&lt;category&gt;/&lt;subclass&gt;/{train,test}/&lt;label&gt;/&lt;image&gt;</c>, categories such as
/// <c>cloth</c>, <c>wafer</c>, <c>metal</c> and subclasses (product specifications) below them, which become
/// <see cref="Sample.Subclass"/>. Label <see cref="TextureAdOptions.NormalLabel"/> is normal; any other label folder is
/// anomalous with that folder as defect type. Masks for anomalous test images live in
/// <see cref="TextureAdOptions.MaskFolder"/> and pair per <see cref="TextureAdOptions.Pairing"/>; when that folder
/// exists every anomalous test image must get exactly one mask. Sample id
/// <c>&lt;category&gt;/&lt;subclass&gt;/&lt;split&gt;/&lt;label&gt;/&lt;stem&gt;</c>. Detected by category folders whose sub-folders hold
/// <c>train</c>/<c>test</c> (two levels deep, where MVTec-style trees have one).
/// </summary>
public sealed class TextureAdLayout(TextureAdOptions options) : IDatasetLayout
{
    /// <summary>Folder some copies unpack into; read when present, else the root itself is the base.</summary>
    public const string ArchiveFolder = "texture_ad";

    /// <summary>Reader with the default folder conventions.</summary>
    public TextureAdLayout()
        : this(new TextureAdOptions())
    {
    }

    private TreeRules Rules { get; } = new([options.NormalLabel], DefectTypeFromFolder: true, MaskNaming.External, MasksRequired: false);

    /// <inheritdoc />
    public string Name => "texture_ad";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => Subclasses(root, BasePath(root)).Count > 0;

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root)
    {
        var basePath = BasePath(root);
        var samples = new List<Sample>();
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (category, subclass) in Subclasses(root, basePath))
        {
            categories.Add(category);
            var subclassPath = DatasetRoot.Join(basePath, category, subclass);
            var first = samples.Count;
            CategoryTree.Scan(root, subclassPath, category, subclass, [category, subclass], Rules, samples);
            AttachMasks(root, subclassPath, samples, first);
        }

        return new DatasetScan(Name, root.FullPath, categories.Select(CategoryInfo.Plain), samples);
    }

    /// <summary>Gives the anomalous test samples appended since <paramref name="first"/> their masks.</summary>
    private void AttachMasks(DatasetRoot root, string subclassPath, List<Sample> samples, int first)
    {
        var maskFolder = DatasetRoot.Join(subclassPath, options.MaskFolder);
        if (!root.IsDirectory(maskFolder))
        {
            return;
        }

        var anomalous = new List<int>();
        for (var i = first; i < samples.Count; i++)
        {
            if (samples[i].Split == DatasetSplit.Test && samples[i].Label == SampleLabel.Anomalous)
            {
                anomalous.Add(i);
            }
        }

        anomalous.Sort((a, b) => string.CompareOrdinal(samples[a].Views[0].ImagePath, samples[b].Views[0].ImagePath));
        var masks = ImageFiles.List(root, maskFolder);
        if (options.Pairing == TextureAdMaskPairing.SortedOrder)
        {
            if (masks.Count != anomalous.Count)
            {
                throw new MaskMismatchException(maskFolder, $"{masks.Count} masks for {anomalous.Count} anomalous test images; sorted-order pairing needs equal counts");
            }

            for (var k = 0; k < anomalous.Count; k++)
            {
                samples[anomalous[k]] = WithMask(samples[anomalous[k]], DatasetRoot.Join(maskFolder, masks[k]));
            }

            return;
        }

        var byStem = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mask in masks)
        {
            var stem = ImageFiles.Stem(mask);
            stem = stem.EndsWith("_mask", StringComparison.Ordinal) ? stem[..^"_mask".Length] : stem;
            if (!byStem.TryAdd(stem, DatasetRoot.Join(maskFolder, mask)))
            {
                throw new MaskMismatchException(DatasetRoot.Join(maskFolder, mask), $"it and '{byStem[stem]}' both belong to image stem '{stem}'");
            }
        }

        foreach (var index in anomalous)
        {
            var imagePath = samples[index].Views[0].ImagePath;
            if (!byStem.Remove(ImageFiles.Stem(imagePath), out var maskPath))
            {
                throw new MissingMaskException(imagePath, DatasetRoot.Join(maskFolder, ImageFiles.Stem(imagePath) + ".png"));
            }

            samples[index] = WithMask(samples[index], maskPath);
        }

        foreach (var orphan in byStem.Values.Order(StringComparer.Ordinal))
        {
            throw new MaskMismatchException(orphan, "no anomalous test image with its stem exists (or two images share the stem)");
        }
    }

    private static Sample WithMask(Sample sample, string maskPath) =>
        new(sample.Id, sample.Category, sample.Split, sample.DefectType, sample.Subclass, [sample.Views[0] with { MaskPaths = [maskPath] }]);

    private static string BasePath(DatasetRoot root) => root.IsDirectory(ArchiveFolder) ? ArchiveFolder : string.Empty;

    private static List<(string Category, string Subclass)> Subclasses(DatasetRoot root, string basePath)
    {
        var subclasses = new List<(string, string)>();
        foreach (var category in root.ListDirectories(basePath))
        {
            var categoryPath = DatasetRoot.Join(basePath, category);
            if (CategoryTree.IsCategory(root, categoryPath))
            {
                continue;
            }

            foreach (var subclass in CategoryTree.Categories(root, categoryPath))
            {
                subclasses.Add((category, subclass));
            }
        }

        return subclasses;
    }
}
