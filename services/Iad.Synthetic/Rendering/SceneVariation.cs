using Iad.Imaging.Randomness;

namespace Iad.Synthetic.Rendering;

/// <summary>
/// What differs between two normal images of one category: lighting <c>L(x, y) = Gain · (1 + GradientX · (x/S − ½) + GradientY · (y/S − ½))</c>,
/// pattern phases (radians), object pose (shift as a fraction of the side, rotation in radians, scale factor) and the
/// seed of the image's own grain and sensor noise.
/// </summary>
public sealed record SceneVariation(
    double Gain,
    double GradientX,
    double GradientY,
    double PhaseX,
    double PhaseY,
    double AngleJitter,
    double ShiftX,
    double ShiftY,
    double Rotation,
    double Scale,
    ulong NoiseSeed)
{
    /// <summary>Normal variation: gain ∈ [0.93, 1.07], gradients ∈ ±0.08, shifts ∈ ±0.02, rotation ∈ ±4°, scale ∈ [0.97, 1.03].</summary>
    public static SceneVariation Draw(SeededRandom random) => new(
        Gain: random.Uniform(0.93, 1.07),
        GradientX: random.Uniform(-0.08, 0.08),
        GradientY: random.Uniform(-0.08, 0.08),
        PhaseX: random.Uniform(0, 2 * Math.PI),
        PhaseY: random.Uniform(0, 2 * Math.PI),
        AngleJitter: random.Uniform(-0.05, 0.05),
        ShiftX: random.Uniform(-0.02, 0.02),
        ShiftY: random.Uniform(-0.02, 0.02),
        Rotation: random.Uniform(-4, 4) * Math.PI / 180,
        Scale: random.Uniform(0.97, 1.03),
        NoiseSeed: random.NextUInt64());

    /// <summary>
    /// Camera <paramref name="view"/> (0 = C1, top-down, unchanged) of the same part: views 1–4 look from the four sides,
    /// so the part appears 12 % smaller and off-centre by 0.08 of the side, lit from that side, with their own noise.
    /// </summary>
    public SceneVariation ForView(int view)
    {
        if (view == 0) return this;
        var direction = (view - 1) * Math.PI / 2;
        return this with
        {
            ShiftX = ShiftX + 0.08 * Math.Cos(direction),
            ShiftY = ShiftY + 0.08 * Math.Sin(direction),
            Scale = Scale * 0.88,
            GradientX = GradientX + 0.2 * Math.Cos(direction),
            GradientY = GradientY + 0.2 * Math.Sin(direction),
            PhaseX = PhaseX + view,
            NoiseSeed = SeededRandom.Derive(NoiseSeed, (ulong)view),
        };
    }

    /// <summary>Shifted optics of a test subclass: brightness scaled by <paramref name="gain"/> and a light gradient added.</summary>
    public SceneVariation Relit(double gain, double gradientX, double gradientY) => this with
    {
        Gain = Gain * gain,
        GradientX = GradientX + gradientX,
        GradientY = GradientY + gradientY,
    };
}
