namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Fully supervised (SPEC §3 item 2, IM-IAD §III-A, Beyond §4.7): <see cref="Anomalies"/> labelled anomalous test
/// samples move to train with their masks, drawn round-robin across defect types (each type's samples and the type
/// order shuffled by the seed, so type counts differ by at most one until a type runs out). With
/// <see cref="UseDatasetTrainAnomalies"/> the dataset's own anomalous training samples are used instead and the test
/// split stays whole.
/// </summary>
/// <param name="Anomalies">Anomalous samples moved per category, at least 1; default 10. At least one must stay in test.</param>
/// <param name="UseDatasetTrainAnomalies">Use the shipped anomalous training samples (VAD-style) instead.</param>
public sealed record FullySupervisedOptions(int Anomalies = 10, bool UseDatasetTrainAnomalies = false) : RegimeOptions
{
    /// <inheritdoc />
    public override string Kind => "fully_supervised";
}
