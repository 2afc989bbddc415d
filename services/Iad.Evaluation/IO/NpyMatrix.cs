namespace Iad.Evaluation.IO;

/// <summary>A 2-D float32 array, row-major: element (r, c) is <c>Values[r * Columns + c]</c>.</summary>
/// <param name="Rows">Height H.</param>
/// <param name="Columns">Width W.</param>
/// <param name="Values">H×W values.</param>
public sealed record NpyMatrix(int Rows, int Columns, float[] Values);
