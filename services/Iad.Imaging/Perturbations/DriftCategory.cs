namespace Iad.Imaging.Perturbations;

/// <summary>Drift transform families of Beyond Table 10; a drift plan uses each at most once, applied in this order.</summary>
public enum DriftCategory
{
    /// <summary>Rotation, random crop or perspective (the part moved).</summary>
    Position,

    /// <summary>Colour jitter or random shadow (the scene lit differently).</summary>
    Lighting,

    /// <summary>Gaussian blur or Gaussian noise (the sensor and optics).</summary>
    Camera,
}
