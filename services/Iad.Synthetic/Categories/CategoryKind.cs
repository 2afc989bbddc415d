namespace Iad.Synthetic.Categories;

/// <summary>The appearance family of a synthetic category.</summary>
public enum CategoryKind
{
    /// <summary>Texture: two-octave value noise between two colours.</summary>
    Grain,

    /// <summary>Texture: crossing sinusoidal threads.</summary>
    Weave,

    /// <summary>Texture: oriented sinusoidal stripes.</summary>
    Stripes,

    /// <summary>Texture: linear colour gradient with faint grain.</summary>
    Gradient,

    /// <summary>Object: centred disc on a background.</summary>
    Disc,

    /// <summary>Object: centred, slightly rotated square on a background.</summary>
    Square,

    /// <summary>Object: centred ring on a background.</summary>
    Ring,
}
