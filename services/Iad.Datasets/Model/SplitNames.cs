namespace Iad.Datasets.Model;

/// <summary>Lower-case tokens for <see cref="DatasetSplit"/>, used inside sample ids.</summary>
public static class SplitNames
{
    /// <summary>
    /// Token of a split: <c>unsplit</c>, <c>train</c>, <c>validation</c>, <c>test</c>. Stable: ids recorded in
    /// manifests depend on it.
    /// </summary>
    public static string Token(DatasetSplit split) => split switch
    {
        DatasetSplit.Unsplit => "unsplit",
        DatasetSplit.Train => "train",
        DatasetSplit.Validation => "validation",
        DatasetSplit.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown split."),
    };
}
