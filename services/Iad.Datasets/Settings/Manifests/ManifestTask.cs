namespace Iad.Datasets.Settings.Manifests;

/// <summary>One task of a setting: a category, at its position in the task sequence.</summary>
/// <param name="Index">0-based position in the sequence.</param>
/// <param name="Name">Category name.</param>
/// <param name="Train">Training items.</param>
/// <param name="Validation">Held-out items (empty unless a validation split was requested).</param>
/// <param name="Test">Test items.</param>
/// <param name="Achieved">Figures of this task, keyed as listed in <see cref="AchievedKeys"/>.</param>
public sealed record ManifestTask(
    int Index,
    string Name,
    ManifestSplit Train,
    ManifestSplit Validation,
    ManifestSplit Test,
    IReadOnlyDictionary<string, double> Achieved)
{
    /// <summary>Train, validation, test, in that order.</summary>
    public IReadOnlyList<ManifestSplit> Splits => [Train, Validation, Test];
}
