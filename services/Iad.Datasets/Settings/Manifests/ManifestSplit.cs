namespace Iad.Datasets.Settings.Manifests;

/// <summary>One split of one task; items sorted by id (ordinal), so an original precedes its augmented copies.</summary>
/// <param name="Split">Which split.</param>
/// <param name="Items">The items.</param>
public sealed record ManifestSplit(SettingSplit Split, IReadOnlyList<ManifestItem> Items);
