namespace Iad.Datasets.Model;

/// <summary>Number of samples sharing one (category, split, label, defect type) combination.</summary>
/// <param name="Category">Category name.</param>
/// <param name="Split">Shipped split.</param>
/// <param name="Label">Sample label.</param>
/// <param name="DefectType">Defect type, or null.</param>
/// <param name="Count">Number of samples (not views).</param>
public sealed record SampleCount(string Category, DatasetSplit Split, SampleLabel Label, string? DefectType, int Count);
