namespace Iad.Reports.Overlays;

/// <summary>
/// The classic "jet" colormap, piecewise linear: for t in [0, 1], R = clamp(1.5 − |4t − 3|), G = clamp(1.5 − |4t − 2|),
/// B = clamp(1.5 − |4t − 1|), clamp to [0, 1]; dark blue at 0, green at 0.5, dark red at 1. t outside [0, 1] is clamped.
/// </summary>
public static class JetColormap
{
    /// <summary>The RGB bytes of <paramref name="t"/>.</summary>
    public static (byte R, byte G, byte B) Map(float t)
    {
        t = Math.Clamp(t, 0f, 1f);
        return (Channel(1.5f - Math.Abs(4f * t - 3f)), Channel(1.5f - Math.Abs(4f * t - 2f)), Channel(1.5f - Math.Abs(4f * t - 1f)));
    }

    private static byte Channel(float v) => (byte)(Math.Clamp(v, 0f, 1f) * 255f + 0.5f);
}
