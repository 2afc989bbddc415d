namespace Iad.Datasets.Settings.Specs;

/// <summary>Unsupervised one-class setting (SPEC §3 item 1): train = the normal training samples, test = the test split.</summary>
public sealed record UnsupervisedOptions : RegimeOptions
{
    /// <inheritdoc />
    public override string Kind => "unsupervised";
}
