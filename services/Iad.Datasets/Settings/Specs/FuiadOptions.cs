namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// FUIAD, fully unsupervised IAD on multi-view samples (SPEC §3 item 5, Real-IAD §4.1). α counts samples, not images.
/// </summary>
/// <remarks>
/// Per category, all samples (any shipped split) form two groups, normal and anomalous. The seed alone (never α) draws
/// a fixed test set of <see cref="TestNormalSamples"/> + <see cref="TestAnomalousSamples"/> samples; the rest are the
/// pools. N_train = min(|normal pool|, ⌊|anomalous pool| / α_max⌋) is the same for every α ≤ α_max; train takes the
/// first round(α·N_train) samples of the seed-shuffled anomalous pool and the first N_train − that of the shuffled
/// normal pool, all labelled normal (so a larger α extends the smaller α's anomalies). With
/// <see cref="UseDatasetSplits"/> the shipped train and test splits (Real-IAD's official FUIAD JSON) are used verbatim.
/// </remarks>
/// <param name="Alpha">Anomalous-sample ratio of train, in [0, <see cref="AlphaMax"/>].</param>
public sealed record FuiadOptions(double Alpha) : RegimeOptions
{
    /// <summary>Largest α of the sweep, in (0, 1]; fixes N_train. Default 0.4.</summary>
    public double AlphaMax { get; init; } = 0.4;

    /// <summary>Normal samples in the fixed test set per category; default 100.</summary>
    public int TestNormalSamples { get; init; } = 100;

    /// <summary>Anomalous samples in the fixed test set per category; default 100.</summary>
    public int TestAnomalousSamples { get; init; } = 100;

    /// <summary>Use the dataset's shipped train/test splits verbatim (every training sample labelled normal).</summary>
    public bool UseDatasetSplits { get; init; }

    /// <inheritdoc />
    public override string Kind => "fuiad";
}
