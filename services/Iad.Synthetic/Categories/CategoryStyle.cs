using Iad.Imaging.Randomness;

namespace Iad.Synthetic.Categories;

/// <summary>
/// The fixed look of one category (or subclass): colours in 0..255, pattern frequency in cycles per image side,
/// orientation in radians, object size as a fraction of the side, and sensor noise σ in grey levels.
/// </summary>
public sealed record CategoryStyle(
    CategoryKind Kind,
    float[] ColorA,
    float[] ColorB,
    double Frequency,
    double Angle,
    double ObjectRadius,
    double RingInner,
    double NoiseSigma)
{
    /// <summary>Draws the style of category <paramref name="index"/> from <paramref name="random"/>.</summary>
    public static CategoryStyle Draw(int index, SeededRandom random)
    {
        var kind = SyntheticCategories.KindOf(index);
        var colorA = RandomColor(random, 40, 200);
        var colorB = RandomColor(random, 40, 220);
        // Keep the two colours apart so patterns and objects are clearly visible.
        while (Distance(colorA, colorB) < 90) colorB = RandomColor(random, 20, 235);
        var frequency = kind switch
        {
            CategoryKind.Grain => random.Uniform(5, 9),
            CategoryKind.Weave => random.Uniform(10, 16),
            CategoryKind.Stripes => random.Uniform(6, 12),
            _ => random.Uniform(3, 5),
        };
        return new CategoryStyle(kind, colorA, colorB, frequency, random.Uniform(0, Math.PI), random.Uniform(0.26, 0.34),
            random.Uniform(0.5, 0.65), random.Uniform(2.0, 4.0));
    }

    /// <summary>
    /// A subclass of this style (another product specification): colours shifted by up to ±20 levels, frequency scaled
    /// by [0.85, 1.15], orientation turned by up to ±0.2 rad.
    /// </summary>
    public CategoryStyle Subclass(SeededRandom random) => this with
    {
        ColorA = Shift(ColorA, random),
        ColorB = Shift(ColorB, random),
        Frequency = Frequency * random.Uniform(0.85, 1.15),
        Angle = Angle + random.Uniform(-0.2, 0.2),
    };

    private static float[] Shift(float[] color, SeededRandom random) =>
        [.. color.Select(c => (float)Math.Clamp(c + random.Uniform(-20, 20), 0, 255))];

    private static float[] RandomColor(SeededRandom random, double low, double high) =>
        [(float)random.Uniform(low, high), (float)random.Uniform(low, high), (float)random.Uniform(low, high)];

    private static double Distance(float[] a, float[] b) =>
        Math.Sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}
