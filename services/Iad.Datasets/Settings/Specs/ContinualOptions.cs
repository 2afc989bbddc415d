namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Continual task sequence (SPEC §3 item 6, IM-IAD §III-A-5): tasks are categories, trained one after another and
/// evaluated on every task seen so far. The resolved order is recorded in the manifest.
/// </summary>
/// <remarks>
/// An empty <see cref="TaskOrder"/> uses <see cref="SettingSpec.Categories"/> when given, else the dataset's canonical
/// order (ordinal category names). A non-empty order must name each selected category exactly once.
/// </remarks>
public sealed record ContinualOptions
{
    /// <summary>Ordered task names (categories); empty = canonical order.</summary>
    public IReadOnlyList<string> TaskOrder { get; init; } = [];
}
