using Iad.Datasets.Errors;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts.Common;

/// <summary>
/// Scans MVTec-style category trees (MVTec AD, MPDD, BTAD, MVTec LOCO AD, generic folders, Texture-AD subclasses).
/// Masks pair with images by stem inside the same label, never by position, so reused stems across folders
/// (<c>test/good/000.png</c>, <c>test/crack/000.png</c>) cannot be mixed up. Sample id:
/// <c>&lt;id prefix…&gt;/&lt;split&gt;/&lt;label folder&gt;/&lt;stem&gt;</c>.
/// </summary>
internal static class CategoryTree
{
    private const string GroundTruth = "ground_truth";

    /// <summary>True when the folder has a <c>train</c> or <c>test</c> sub-folder (any case).</summary>
    public static bool IsCategory(DatasetRoot root, string folder)
    {
        foreach (var name in root.ListDirectories(folder))
        {
            var split = SplitFolders.Parse(name);
            if (split is DatasetSplit.Train or DatasetSplit.Test)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sub-folders of <paramref name="folder"/> that are categories, sorted.</summary>
    public static List<string> Categories(DatasetRoot root, string folder)
    {
        var categories = new List<string>();
        foreach (var name in root.ListDirectories(folder))
        {
            if (IsCategory(root, DatasetRoot.Join(folder, name)))
            {
                categories.Add(name);
            }
        }

        return categories;
    }

    /// <summary>Label folder names found under any split folder of a category.</summary>
    public static SortedSet<string> Labels(DatasetRoot root, string categoryPath)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var splitFolder in root.ListDirectories(categoryPath))
        {
            if (SplitFolders.Parse(splitFolder) is not null)
            {
                labels.UnionWith(root.ListDirectories(DatasetRoot.Join(categoryPath, splitFolder)));
            }
        }

        return labels;
    }

    /// <summary>Scans one category folder and appends its samples.</summary>
    /// <param name="root">Dataset root.</param>
    /// <param name="categoryPath">Root-relative category folder.</param>
    /// <param name="category">Category name given to samples.</param>
    /// <param name="subclass">Subclass given to samples, or null.</param>
    /// <param name="idPrefix">Leading id parts (category, and subclass where there is one).</param>
    /// <param name="rules">Labels and mask conventions.</param>
    /// <param name="samples">Receives the samples.</param>
    /// <exception cref="MissingMaskException">An anomalous image lacks a mask it must have.</exception>
    /// <exception cref="MaskMismatchException">A mask pairs with no image, or with two.</exception>
    public static void Scan(
        DatasetRoot root, string categoryPath, string category, string? subclass, string[] idPrefix, TreeRules rules, List<Sample> samples)
    {
        var groundTruth = ImageFiles.FindFolder(root, categoryPath, GroundTruth);
        var masksByLabel = new Dictionary<string, MaskFolder>(StringComparer.Ordinal);
        if (groundTruth is not null && rules.Naming != MaskNaming.External)
        {
            foreach (var label in root.ListDirectories(DatasetRoot.Join(categoryPath, groundTruth)))
            {
                masksByLabel[label] = MaskFolder.Load(root, DatasetRoot.Join(categoryPath, groundTruth, label), rules.Naming);
            }
        }

        foreach (var splitFolder in root.ListDirectories(categoryPath))
        {
            if (SplitFolders.Parse(splitFolder) is not { } split)
            {
                continue;
            }

            var splitPath = DatasetRoot.Join(categoryPath, splitFolder);
            foreach (var label in root.ListDirectories(splitPath))
            {
                var normal = rules.IsNormal(label);
                var masks = masksByLabel.GetValueOrDefault(label);
                var mustHaveMask = !normal && (rules.MasksRequired || masks is not null);
                var labelPath = DatasetRoot.Join(splitPath, label);
                foreach (var image in ImageFiles.List(root, labelPath))
                {
                    var stem = ImageFiles.Stem(image);
                    var imagePath = DatasetRoot.Join(labelPath, image);
                    var maskPaths = masks?.Take(stem, imagePath) ?? [];
                    if (mustHaveMask && maskPaths.Count == 0)
                    {
                        var expectedFolder = DatasetRoot.Join(categoryPath, groundTruth ?? GroundTruth, label);
                        throw new MissingMaskException(imagePath, DatasetRoot.Join(expectedFolder, MaskFolder.ExpectedName(stem, rules.Naming)));
                    }

                    samples.Add(Sample.SingleView(
                        SampleId.Of([.. idPrefix, SplitNames.Token(split), label, stem]),
                        category,
                        split,
                        normal ? SampleLabel.Normal : SampleLabel.Anomalous,
                        normal || !rules.DefectTypeFromFolder ? null : label,
                        subclass,
                        imagePath,
                        maskPaths));
                }
            }
        }

        foreach (var masks in masksByLabel.Values)
        {
            masks.ThrowIfUnused();
        }
    }
}
