using Iad.Imaging.Perturbations;

namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Few-shot (SPEC §3 item 3, IM-IAD Table IX): <see cref="Shots"/> normal training samples drawn by the seed, each
/// followed by <see cref="Copies"/> augmented copies whose recipes <see cref="AugmentationPlanner"/> draws per image
/// and copy. The papers give no ranges or copy counts; the defaults (no copies; rotation ±15° when copies are asked
/// for) are ours and are recorded in the manifest.
/// </summary>
/// <param name="Shots">Normal training samples kept, at least 1 (the papers use 1, 2, 4, 8).</param>
/// <param name="Copies">Augmented copies per shot, 0..64; default 0.</param>
public sealed record FewShotOptions(int Shots, int Copies = 0) : RegimeOptions
{
    /// <summary>Largest accepted <see cref="Copies"/>.</summary>
    public const int MaxCopies = 64;

    /// <summary>Transforms and ranges of the copies; at least one transform must be enabled when there are copies.</summary>
    public AugmentationOptions Augmentation { get; init; } = new();

    /// <inheritdoc />
    public override string Kind => "few_shot";
}
