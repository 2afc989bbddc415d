namespace Iad.Imaging.Preprocessing;

/// <summary>Resampling filter for images (masks always use nearest neighbour).</summary>
public enum ImageInterpolation
{
    /// <summary>Area averaging when both sides shrink (no aliasing), bilinear otherwise.</summary>
    Auto,

    /// <summary>Bilinear with pixel-centre alignment.</summary>
    Bilinear,

    /// <summary>Pixel-area averaging.</summary>
    Area,
}
