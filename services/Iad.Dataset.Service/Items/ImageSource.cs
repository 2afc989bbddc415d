using Iad.Imaging.Perturbations;

namespace Iad.Dataset.Service.Items;

/// <summary>What to render: a dataset-root-relative image, its mask files (union) and the transforms to apply in order.</summary>
public sealed record ImageSource(string ImagePath, IReadOnlyList<string> MaskPaths, IReadOnlyList<Perturbation> Perturbations);
