namespace Iad.Imaging.Randomness;

/// <summary>
/// SplitMix64 pseudo-random generator: the same seed gives the same sequence on every machine and .NET version
/// (unlike <see cref="Random"/>, whose algorithm is an implementation detail). Not thread-safe; not cryptographic.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong state = seed;
    private double spareGaussian;
    private bool hasSpareGaussian;

    /// <summary>Seeds from a signed integer (its two's-complement bits).</summary>
    public SeededRandom(int seed)
        : this(unchecked((ulong)(long)seed))
    {
    }

    /// <summary>Next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        state = unchecked(state + Golden);
        return Finalize(state);
    }

    /// <summary>Uniform in [0, 1) with 53 bits of resolution.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>): <c>min + (max - min) * u</c>.</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, <paramref name="exclusiveMax"/>) by the multiply-high method (bias below 2^-32 for int ranges).</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)(((UInt128)NextUInt64() * (ulong)exclusiveMax) >> 64);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int min, int exclusiveMax) => min + NextInt(exclusiveMax - min);

    /// <summary>An integer exactly representable as a double (53 bits), for seeds stored in parameter tables.</summary>
    public double NextSeedValue() => NextUInt64() >> 11;

    /// <summary>Standard normal N(0, 1) by the Box–Muller transform; values come in pairs, the second is kept for the next call.</summary>
    public double NextGaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        spareGaussian = radius * Math.Sin(angle);
        hasSpareGaussian = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>
    /// A child seed for sub-stream <paramref name="stream"/> of <paramref name="seed"/>: different streams give
    /// statistically independent sequences, so adding a stream never shifts the numbers of another.
    /// </summary>
    public static ulong Derive(ulong seed, ulong stream) => Finalize(unchecked(Finalize(seed ^ Golden) + (stream + 1) * Golden));

    private static ulong Finalize(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
