using Iad.Reports.Model;

namespace Iad.Reports.Overlays;

/// <summary>
/// Sorts overlay samples into <see cref="OverlayGroup"/>s: normal → Good; anomalous with Score ≥ Threshold → Detected;
/// anomalous with Score &lt; Threshold → Missed. Order within a group is the input order.
/// </summary>
public static class OverlayGrouping
{
    /// <summary>The group of <paramref name="sample"/>.</summary>
    public static OverlayGroup Classify(OverlaySample sample) =>
        !sample.IsAnomalous ? OverlayGroup.Good
        : sample.Score >= sample.Threshold ? OverlayGroup.Detected
        : OverlayGroup.Missed;

    /// <summary>Whether the decision Score ≥ Threshold agrees with the ground-truth label.</summary>
    public static bool IsCorrect(OverlaySample sample) => sample.Score >= sample.Threshold == sample.IsAnomalous;

    /// <summary>The samples of each group, indexed by <c>(int)OverlayGroup</c>.</summary>
    public static IReadOnlyList<OverlaySample>[] Group(IReadOnlyList<OverlaySample> samples)
    {
        var groups = new List<OverlaySample>[] { [], [], [] };
        foreach (var s in samples) groups[(int)Classify(s)].Add(s);
        return groups;
    }
}
