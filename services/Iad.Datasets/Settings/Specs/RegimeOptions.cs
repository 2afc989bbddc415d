namespace Iad.Datasets.Settings.Specs;

/// <summary>A training regime of SPEC §3 (exactly one per setting); the subclasses hold its parameters.</summary>
public abstract record RegimeOptions
{
    private protected RegimeOptions()
    {
    }

    /// <summary>Stable name recorded in the manifest, e.g. <c>noisy</c>.</summary>
    public abstract string Kind { get; }
}
