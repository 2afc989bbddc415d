using Iad.Datasets.Errors;

namespace Iad.Datasets.Model;

/// <summary>
/// The result of reading a dataset: a pure, deterministic sample table. Nothing is decoded; paths are relative to
/// <see cref="Root"/>. Splits drawn from seeds are built on top of it elsewhere.
/// </summary>
/// <remarks>
/// Samples are sorted by <see cref="Sample.Id"/> and categories by name, both with ordinal comparison, so two scans of
/// the same tree are equal element by element.
/// </remarks>
public sealed class DatasetScan
{
    /// <summary>Creates a scan and checks it.</summary>
    /// <param name="layout">Name of the layout that produced it.</param>
    /// <param name="root">Real absolute path of the dataset root.</param>
    /// <param name="categories">Categories; every sample's category must be listed.</param>
    /// <param name="samples">Samples in any order.</param>
    /// <param name="maskThreshold">A mask pixel marks a defect when its value is greater than this (0 for most layouts).</param>
    /// <exception cref="EmptyDatasetException">No samples.</exception>
    /// <exception cref="DuplicateSampleIdException">Two samples share an id.</exception>
    /// <exception cref="ArgumentException">A sample's category is not listed, or a category is listed twice.</exception>
    public DatasetScan(string layout, string root, IEnumerable<CategoryInfo> categories, IEnumerable<Sample> samples, int maskThreshold = 0)
    {
        var sortedSamples = samples.ToArray();
        if (sortedSamples.Length == 0)
        {
            throw new EmptyDatasetException(root, layout);
        }

        Array.Sort(sortedSamples, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var i = 1; i < sortedSamples.Length; i++)
        {
            if (sortedSamples[i].Id == sortedSamples[i - 1].Id)
            {
                throw new DuplicateSampleIdException(sortedSamples[i].Id, sortedSamples[i - 1].Views[0].ImagePath, sortedSamples[i].Views[0].ImagePath);
            }
        }

        var sortedCategories = categories.ToArray();
        Array.Sort(sortedCategories, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in sortedCategories)
        {
            if (!names.Add(category.Name))
            {
                throw new ArgumentException($"Category '{category.Name}' is listed twice.", nameof(categories));
            }
        }

        foreach (var sample in sortedSamples)
        {
            if (!names.Contains(sample.Category))
            {
                throw new ArgumentException($"Sample '{sample.Id}' has category '{sample.Category}', which is not listed.", nameof(samples));
            }
        }

        Layout = layout;
        Root = root;
        Categories = sortedCategories;
        Samples = sortedSamples;
        MaskThreshold = maskThreshold;
    }

    /// <summary>Name of the layout that produced the scan (see <c>LayoutRegistry</c>).</summary>
    public string Layout { get; }

    /// <summary>Real absolute path of the dataset root; every sample path is relative to it.</summary>
    public string Root { get; }

    /// <summary>Categories sorted by name.</summary>
    public IReadOnlyList<CategoryInfo> Categories { get; }

    /// <summary>Samples sorted by id.</summary>
    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>A mask pixel marks a defect when its value is greater than this (8-bit scale).</summary>
    public int MaskThreshold { get; }

    /// <summary>Category names, sorted.</summary>
    public IEnumerable<string> CategoryNames => Categories.Select(static c => c.Name);

    /// <summary>
    /// Number of samples matching every given filter; a null filter matches anything. <paramref name="defectType"/>
    /// compares ordinally.
    /// </summary>
    public int Count(string? category = null, DatasetSplit? split = null, SampleLabel? label = null, string? defectType = null)
    {
        var count = 0;
        foreach (var sample in Samples)
        {
            if ((category is null || sample.Category == category)
                && (split is null || sample.Split == split)
                && (label is null || sample.Label == label)
                && (defectType is null || sample.DefectType == defectType))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Sample counts grouped by (category, split, label, defect type), sorted by those keys in that order
    /// (ordinal names, enum order, null defect type first).
    /// </summary>
    public IReadOnlyList<SampleCount> CountGroups()
    {
        var groups = new Dictionary<(string, DatasetSplit, SampleLabel, string), int>();
        foreach (var sample in Samples)
        {
            var key = (sample.Category, sample.Split, sample.Label, sample.DefectType ?? string.Empty);
            groups[key] = groups.GetValueOrDefault(key) + 1;
        }

        return groups
            .Select(static g => new SampleCount(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Key.Item4.Length == 0 ? null : g.Key.Item4, g.Value))
            .OrderBy(static c => c.Category, StringComparer.Ordinal)
            .ThenBy(static c => c.Split)
            .ThenBy(static c => c.Label)
            .ThenBy(static c => c.DefectType ?? string.Empty, StringComparer.Ordinal)
            .ToArray();
    }
}
