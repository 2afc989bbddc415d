namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Noisy labels (SPEC §3 item 4). Injected anomalies are drawn uniformly from the category's anomalous test samples,
/// labelled normal in train and removed from test; the ratio actually achieved is recorded.
/// </summary>
/// <remarks>
/// With m normal training samples: <see cref="NoiseMode.Add"/> injects n = min(round(r·m / (1 − r)),
/// ⌊<see cref="MaxTestAnomalyShare"/> · test anomalies⌋) (round half away from zero), achieved ratio n / (m + n);
/// <see cref="NoiseMode.Replace"/> drops n = round(r·m) normal samples chosen by the seed and injects n anomalies, at
/// least one anomaly staying in test, achieved ratio n / m.
/// </remarks>
/// <param name="Mode">Add or replace.</param>
/// <param name="Ratio">Target ratio r in (0, 0.75]: add uses 0.05…0.20, replace 0.04, 0.08, 0.16.</param>
public sealed record NoisyOptions(NoiseMode Mode, double Ratio) : RegimeOptions
{
    /// <summary>Largest share of a category's test anomalies that add mode may inject, in (0, 1]; default 0.75.</summary>
    public double MaxTestAnomalyShare { get; init; } = 0.75;

    /// <inheritdoc />
    public override string Kind => "noisy";
}
