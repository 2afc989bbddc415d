namespace Iad.Evaluation.IO;

/// <summary>Image-level predictions: one id, label (0 normal, 1 anomalous) and score per row, in file order.</summary>
public sealed record ScoreTable(string[] Ids, int[] Labels, double[] Scores);
