namespace Iad.Evaluation.Reports;

/// <summary>The pixel data outgrew the exact mode's memory budget and no score range allows the binned mode.</summary>
public sealed class EvaluationBudgetExceededException(long pixels, long budgetBytes)
    : Exception($"{pixels} pixels need about {pixels * Pixel.PixelMetricsPolicy.ExactBytesPerPixel} bytes in exact mode, over the budget of {budgetBytes} bytes; " +
                "give a score range (score_min/score_max) to allow the bounded-memory binned mode, or raise the budget")
{
    public long Pixels { get; } = pixels;

    public long BudgetBytes { get; } = budgetBytes;
}
