namespace Iad.Datasets.Model;

/// <summary>A category of a scanned dataset and the per-category metadata it ships.</summary>
/// <param name="Name">Category name as the dataset spells it.</param>
/// <param name="DefectsConfigPath">Root-relative path of MVTec LOCO AD's <c>defects_config.json</c>, or null.</param>
/// <param name="DefectClasses">Parsed <c>defects_config.json</c> entries in file order; empty when none.</param>
public sealed record CategoryInfo(string Name, string? DefectsConfigPath, IReadOnlyList<DefectClass> DefectClasses)
{
    /// <summary>A category without metadata.</summary>
    public static CategoryInfo Plain(string name) => new(name, null, []);
}
