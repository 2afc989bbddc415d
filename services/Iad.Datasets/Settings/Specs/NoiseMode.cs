namespace Iad.Datasets.Settings.Specs;

/// <summary>How noisy labels are injected (SPEC §3 item 4).</summary>
public enum NoiseMode
{
    /// <summary>IM-IAD §IV-E / SoftPatch: anomalies added so that r = n / (m + n) among all training samples.</summary>
    Add,

    /// <summary>Beyond §4.6: a share r of the normal training samples replaced by anomalies; training size constant.</summary>
    Replace,
}
