using Iad.Datasets.Model;
using Iad.Imaging.Perturbations;

namespace Iad.Datasets.Settings.Manifests;

/// <summary>One image of a manifest item with the transforms to apply when it is streamed.</summary>
/// <param name="Id">View id (<c>0</c> for single-view datasets, <c>C1</c>…<c>C5</c> for Real-IAD).</param>
/// <param name="ImagePath">Dataset-root-relative image path.</param>
/// <param name="MaskPaths">Dataset-root-relative mask files; empty when none.</param>
/// <param name="Label">Ground-truth label of this view.</param>
/// <param name="Perturbations">Transforms applied in order (an augmentation copy's recipe, or drift); empty for none.</param>
public sealed record ManifestView(
    string Id,
    string ImagePath,
    IReadOnlyList<string> MaskPaths,
    SampleLabel Label,
    IReadOnlyList<Perturbation> Perturbations);
