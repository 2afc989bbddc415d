namespace Iad.Evaluation.Tests.TestData;

/// <summary>Seeded Gaussian anomaly maps with disc-shaped defects (score shifted up inside the discs).</summary>
internal static class SyntheticMaps
{
    public static List<(float[] Map, byte[] Mask)> Create(int seed, int count, int size, int decimals = -1)
    {
        var random = new Random(seed);
        var result = new List<(float[], byte[])>();
        for (var i = 0; i < count; i++)
        {
            var mask = new byte[size * size];
            if (i % 2 == 1)
            {
                var discs = random.Next(1, 4);
                for (var d = 0; d < discs; d++)
                {
                    int cy = random.Next(size), cx = random.Next(size), r = random.Next(1, size / 6 + 2);
                    for (var y = 0; y < size; y++)
                        for (var x = 0; x < size; x++)
                            if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) mask[y * size + x] = 255;
                }
            }
            var map = new float[size * size];
            for (var p = 0; p < map.Length; p++)
            {
                var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                var v = g + (mask[p] != 0 ? 2.0 : 0.0);
                map[p] = (float)(decimals >= 0 ? Math.Round(v, decimals) : v);
            }
            result.Add((map, mask));
        }
        return result;
    }
}
