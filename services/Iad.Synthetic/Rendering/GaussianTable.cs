using Iad.Imaging.Randomness;

namespace Iad.Synthetic.Rendering;

/// <summary>
/// 4096 standard-normal samples (fixed seed, rescaled to mean 0 and standard deviation 1), indexed by 12 random bits:
/// sensor noise at a few nanoseconds per sample instead of a Box–Muller draw per pixel.
/// </summary>
internal static class GaussianTable
{
    public const int Bits = 12;

    public static readonly float[] Values = Build();

    private static float[] Build()
    {
        var random = new SeededRandom(0x5EED_6A55UL);
        var values = new double[1 << Bits];
        for (var i = 0; i < values.Length; i++) values[i] = random.NextGaussian();
        var mean = values.Average();
        var std = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        return [.. values.Select(v => (float)((v - mean) / std))];
    }
}
