namespace Iad.Synthetic.Categories;

/// <summary>
/// Category names in canonical order: textures first, then objects. Index i ≥ 7 reuses kind i mod 7 with other colours
/// and the suffix <c>_{i / 7 + 1}</c> (e.g. <c>grain_2</c>), so long continual-learning sequences stay distinct.
/// </summary>
public static class SyntheticCategories
{
    /// <summary>The seven base names, one per <see cref="CategoryKind"/>.</summary>
    public static IReadOnlyList<string> BaseNames { get; } = ["grain", "weave", "stripes", "gradient", "disc", "square", "ring"];

    /// <summary>Defect types of textures (folder names).</summary>
    public static IReadOnlyList<string> TextureDefects { get; } = [DefectTypes.Contamination, DefectTypes.Crack, DefectTypes.Scratch, DefectTypes.Spot];

    /// <summary>Defect types of objects (folder names).</summary>
    public static IReadOnlyList<string> ObjectDefects { get; } =
        [DefectTypes.Contamination, DefectTypes.Crack, DefectTypes.MissingPart, DefectTypes.Scratch, DefectTypes.Spot];

    /// <summary>Name of category <paramref name="index"/>.</summary>
    public static string Name(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = BaseNames[index % BaseNames.Count];
        return index < BaseNames.Count ? name : $"{name}_{index / BaseNames.Count + 1}";
    }

    /// <summary>The first <paramref name="count"/> names.</summary>
    public static IReadOnlyList<string> Names(int count) => Enumerable.Range(0, count).Select(Name).ToArray();

    public static CategoryKind KindOf(int index) => (CategoryKind)(index % BaseNames.Count);

    public static bool IsObject(CategoryKind kind) => kind >= CategoryKind.Disc;

    /// <summary>Defect types that apply to a kind: missing parts exist only on objects.</summary>
    public static IReadOnlyList<string> DefectsOf(CategoryKind kind) => IsObject(kind) ? ObjectDefects : TextureDefects;
}
