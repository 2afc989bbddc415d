namespace Iad.Datasets.Settings.Specs;

/// <summary>How a multi-view sample's score is formed from its view scores (SPEC §3 item 10).</summary>
public enum ViewAggregation
{
    /// <summary>Sample score = max over views (default).</summary>
    Max,

    /// <summary>Sample score = mean over views.</summary>
    Mean,
}
