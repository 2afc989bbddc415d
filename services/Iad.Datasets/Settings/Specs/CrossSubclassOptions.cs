namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Cross-subclass (SPEC §3 item 9, Texture-AD): one model per category trained on the normal training samples of the
/// training subclasses and tested on the test samples of the test subclasses; items carry their subclass so metrics
/// can be reported per test subclass. Empty lists use the dataset's own split (every subclass with training samples,
/// every subclass with test samples); explicit lists are an extension.
/// </summary>
public sealed record CrossSubclassOptions : RegimeOptions
{
    /// <summary>Subclasses whose training samples form train; empty = all.</summary>
    public IReadOnlyList<string> TrainSubclasses { get; init; } = [];

    /// <summary>Subclasses whose test samples form test; empty = all.</summary>
    public IReadOnlyList<string> TestSubclasses { get; init; } = [];

    /// <inheritdoc />
    public override string Kind => "cross_subclass";
}
