namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Everything that defines a setting (SPEC §3): the training regime plus orthogonal modifiers. Built into a
/// <see cref="Manifests.Manifest"/> by <see cref="SettingsBuilder"/>; the manifest records the spec with every default
/// resolved.
/// </summary>
/// <remarks>
/// Defaults: all categories, seed 0, unsupervised, one task per category, no drift, no validation split, max view
/// aggregation over all views, 256×256 resize without crop on all training images, 20 % of the normal samples of
/// unsplit datasets sent to test.
/// </remarks>
/// <param name="Dataset">Registered dataset name; recorded only.</param>
public sealed record SettingSpec(string Dataset)
{
    /// <summary>Categories to include, in task order; empty means all, in the canonical (ordinal name) order.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Seed of every random choice; the same seed and scan give the same manifest.</summary>
    public int Seed { get; init; }

    /// <summary>Training regime; unsupervised by default.</summary>
    public RegimeOptions Regime { get; init; } = new UnsupervisedOptions();

    /// <summary>Continual task sequence, or null for an independent task per category.</summary>
    public ContinualOptions? Continual { get; init; }

    /// <summary>Whether each test image gets a drift recipe (SPEC §3 item 7).</summary>
    public bool Drift { get; init; }

    /// <summary>Validation hold-out from train, or null for none.</summary>
    public ValidationOptions? Validation { get; init; }

    /// <summary>Multi-view aggregation rule and optional single view.</summary>
    public MultiViewOptions MultiView { get; init; } = new();

    /// <summary>Input geometry and training-image share.</summary>
    public InputOptions Input { get; init; } = new();

    /// <summary>
    /// For layouts that ship no split (MTD, KolektorSDD): share of a category's normal samples sent to test, rounded
    /// half away from zero, in [0, 1); every anomalous sample goes to test. Default 0.2.
    /// </summary>
    public double UnsplitTestFraction { get; init; } = 0.2;
}
