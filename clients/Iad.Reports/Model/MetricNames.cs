namespace Iad.Reports.Model;

/// <summary>
/// Metric keys the report looks up in <see cref="MethodResult.AccuracyMatrices"/>,
/// <see cref="MethodResult.ForgettingMeasure"/> and <see cref="MethodResult.FinalMeanAccuracy"/> for its summary
/// table and accuracy-vs-latency chart (the names of IM-IAD Table XI). Other keys are rendered too, in the order given.
/// </summary>
public static class MetricNames
{
    /// <summary>Image-level AUROC.</summary>
    public const string ImageAuroc = "I-AUROC";

    /// <summary>Pixel-level AUROC.</summary>
    public const string PixelAuroc = "P-AUROC";
}
