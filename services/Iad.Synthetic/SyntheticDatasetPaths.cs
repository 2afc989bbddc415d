namespace Iad.Synthetic;

/// <summary>Roots of the trees written by <see cref="SyntheticDatasetGenerator.Generate"/>; null where not requested.</summary>
public sealed record SyntheticDatasetPaths(string MvTecRoot, string? RealIadRoot, string? TextureAdRoot);
