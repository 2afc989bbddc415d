using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts.Common;

/// <summary>Reads every category folder under a base folder with <see cref="CategoryTree"/>.</summary>
internal static class TreeDatasetReader
{
    /// <summary>True when the base folder holds at least one category and every category name is in <paramref name="known"/>.</summary>
    public static bool AllCategoriesKnown(DatasetRoot root, string basePath, IReadOnlySet<string> known)
    {
        if (!root.IsDirectory(basePath))
        {
            return false;
        }

        var categories = CategoryTree.Categories(root, basePath);
        return categories.Count > 0 && categories.TrueForAll(known.Contains);
    }

    /// <summary>
    /// Scans all categories under <paramref name="basePath"/>; category name = folder name. <paramref name="describe"/>
    /// builds per-category metadata from (name, root-relative folder); categories are plain when it is null.
    /// </summary>
    public static DatasetScan Read(
        DatasetRoot root, string basePath, string layout, TreeRules rules, Func<string, string, CategoryInfo>? describe = null)
    {
        var samples = new List<Sample>();
        var categories = new List<CategoryInfo>();
        foreach (var category in CategoryTree.Categories(root, basePath))
        {
            var categoryPath = DatasetRoot.Join(basePath, category);
            categories.Add(describe?.Invoke(category, categoryPath) ?? CategoryInfo.Plain(category));
            CategoryTree.Scan(root, categoryPath, category, subclass: null, [category], rules, samples);
        }

        return new DatasetScan(layout, root.FullPath, categories, samples);
    }
}
