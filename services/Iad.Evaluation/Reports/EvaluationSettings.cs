using Iad.Evaluation.Sample;

namespace Iad.Evaluation.Reports;

/// <summary>How an <see cref="EvaluationSession"/> computes its report.</summary>
/// <param name="ProFprLimit">FPR limit of AUPRO (MVTec AD: 0.3).</param>
/// <param name="Aggregation">Multi-view sample score rule (max by default).</param>
/// <param name="MemoryBudgetBytes">Largest memory the exact pixel mode may take (8 bytes per pixel); beyond it the binned mode is used when a score range is known, otherwise the evaluation is refused.</param>
/// <param name="ScoreMin">Lower edge of the binned mode's score range; null when unknown.</param>
/// <param name="ScoreMax">Upper edge of the binned mode's score range.</param>
/// <param name="ExpectedImages">Images the caller will send (0 = unknown); lets the mode be chosen before the first pixel.</param>
/// <param name="IncludeCurves">Also return ROC, PR and PRO curve points.</param>
public sealed record EvaluationSettings(
    double ProFprLimit = 0.3,
    ViewAggregation Aggregation = ViewAggregation.Max,
    long MemoryBudgetBytes = EvaluationSettings.DefaultMemoryBudgetBytes,
    float? ScoreMin = null,
    float? ScoreMax = null,
    long ExpectedImages = 0,
    bool IncludeCurves = false)
{
    /// <summary>2 GiB: exact metrics for up to 268 M pixels (about 4,000 maps of 256×256).</summary>
    public const long DefaultMemoryBudgetBytes = 2L << 30;
}
