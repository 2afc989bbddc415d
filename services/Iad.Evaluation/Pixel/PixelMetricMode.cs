namespace Iad.Evaluation.Pixel;

/// <summary>How pixel metrics were computed.</summary>
public enum PixelMetricMode
{
    /// <summary>Every pixel score kept and sorted: results equal the definitions exactly.</summary>
    Exact,

    /// <summary>Scores accumulated in fixed histograms: bounded memory, results within the reported error bounds.</summary>
    Binned,
}
