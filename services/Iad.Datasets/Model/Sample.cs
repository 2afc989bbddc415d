namespace Iad.Datasets.Model;

/// <summary>
/// One row of the sample table: a physical item imaged by one or more views.
/// </summary>
/// <remarks>
/// <see cref="Label"/> is derived: anomalous when any view is anomalous (Real-IAD's sample rule), normal otherwise.
/// <see cref="Id"/> is deterministic, built by the layout from its category, split, grouping folder and file stem
/// (each layout documents its shape, e.g. <c>bottle/test/broken_large/000</c>), so it is stable across scans of the
/// same tree and can be recorded in manifests.
/// </remarks>
public sealed record Sample
{
    /// <summary>Creates a sample; views are sorted by id (ordinal).</summary>
    /// <exception cref="ArgumentException">No views, or two views share an id.</exception>
    public Sample(string id, string category, DatasetSplit split, string? defectType, string? subclass, IReadOnlyList<View> views)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(category);
        if (views.Count == 0)
        {
            throw new ArgumentException($"Sample '{id}' has no views.", nameof(views));
        }

        var sorted = views.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Id == sorted[i - 1].Id)
            {
                throw new ArgumentException($"Sample '{id}' has two views with id '{sorted[i].Id}': '{sorted[i - 1].ImagePath}' and '{sorted[i].ImagePath}'.", nameof(views));
            }
        }

        Id = id;
        Category = category;
        Split = split;
        DefectType = defectType;
        Subclass = subclass;
        Views = sorted;
        Label = Array.Exists(sorted, static v => v.Label == SampleLabel.Anomalous) ? SampleLabel.Anomalous : SampleLabel.Normal;
    }

    /// <summary>Stable id, unique within a scan.</summary>
    public string Id { get; }

    /// <summary>Category (product / object / class) name as the dataset spells it.</summary>
    public string Category { get; }

    /// <summary>Split as the dataset ships it.</summary>
    public DatasetSplit Split { get; }

    /// <summary>Anomalous when any view is anomalous.</summary>
    public SampleLabel Label { get; }

    /// <summary>Defect type (e.g. <c>broken_large</c>, <c>HS</c>), or null for normal samples and layouts without types.</summary>
    public string? DefectType { get; }

    /// <summary>Subclass within the category (Texture-AD), or null.</summary>
    public string? Subclass { get; }

    /// <summary>Views, sorted by id (ordinal); at least one.</summary>
    public IReadOnlyList<View> Views { get; }

    /// <summary>A single-view sample (view id <see cref="View.SingleViewId"/>).</summary>
    public static Sample SingleView(
        string id, string category, DatasetSplit split, SampleLabel label, string? defectType, string? subclass,
        string imagePath, IReadOnlyList<string> maskPaths) =>
        new(id, category, split, defectType, subclass, [new View(View.SingleViewId, imagePath, maskPaths, label)]);
}
