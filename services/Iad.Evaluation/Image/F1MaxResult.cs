namespace Iad.Evaluation.Image;

/// <summary>The best F1 score and the threshold that reaches it (an entry is anomalous when score ≥ threshold).</summary>
public readonly record struct F1MaxResult(double F1, double Threshold);
