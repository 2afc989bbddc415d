using Iad.Datasets.Model;

namespace Iad.Datasets.Layouts.Common;

/// <summary>Maps split folder names (<c>train</c>, <c>validation</c>, <c>test</c>, any case) to <see cref="DatasetSplit"/>.</summary>
internal static class SplitFolders
{
    /// <summary>The split a folder name denotes, or null when it is no split folder.</summary>
    public static DatasetSplit? Parse(string folder) => folder.ToLowerInvariant() switch
    {
        "train" => DatasetSplit.Train,
        "validation" => DatasetSplit.Validation,
        "test" => DatasetSplit.Test,
        _ => null,
    };
}
