namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Validation split (SPEC §3 item 8, Beyond §4.8): max(1, round(<see cref="Fraction"/> · train samples)) training
/// samples per task (augmented copies travel with their sample) are held out for early stopping or model selection;
/// the test split is never touched. At least one training sample must remain.
/// </summary>
/// <param name="Fraction">Share of train held out, in (0, 0.5]; default 0.1.</param>
public sealed record ValidationOptions(double Fraction = 0.1);
