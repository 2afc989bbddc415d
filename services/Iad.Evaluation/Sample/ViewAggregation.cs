namespace Iad.Evaluation.Sample;

/// <summary>How the views of one multi-view sample combine into the sample's score.</summary>
public enum ViewAggregation
{
    /// <summary>The highest view score (default; a sample is as anomalous as its worst view).</summary>
    Max,

    /// <summary>The mean of the view scores.</summary>
    Mean,
}
