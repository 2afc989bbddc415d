namespace Iad.Datasets.Settings.Regimes;

/// <summary>What a regime draws for one task: train and test entries plus the regime's own figures.</summary>
internal sealed record TaskDraft(IReadOnlyList<SplitEntry> Train, IReadOnlyList<SplitEntry> Test, IReadOnlyDictionary<string, double> Figures)
{
    public static TaskDraft Of(IEnumerable<SplitEntry> train, IEnumerable<SplitEntry> test, IReadOnlyDictionary<string, double>? figures = null) =>
        new(train.ToArray(), test.ToArray(), figures ?? new Dictionary<string, double>());
}
