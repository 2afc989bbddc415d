namespace Iad.Reports.Overlays;

/// <summary>The section of the overlay grid a test image is shown in.</summary>
public enum OverlayGroup
{
    /// <summary>Ground truth normal (whatever its score).</summary>
    Good,

    /// <summary>Ground truth anomalous and flagged: score ≥ threshold.</summary>
    Detected,

    /// <summary>Ground truth anomalous but not flagged: score &lt; threshold.</summary>
    Missed,
}
