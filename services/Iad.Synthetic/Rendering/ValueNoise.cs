using Iad.Imaging.Randomness;

namespace Iad.Synthetic.Rendering;

/// <summary>
/// Smooth value noise: a (g+1)×(g+1) lattice of uniform values in [−amplitude/2, +amplitude/2], interpolated with
/// smoothstep weights, added to a size×size field. Lattice values come from the given generator in row-major order.
/// </summary>
internal static class ValueNoise
{
    public static void Add(Span<float> field, int size, int grid, float amplitude, SeededRandom random)
    {
        grid = Math.Max(1, grid);
        var lattice = new float[(grid + 1) * (grid + 1)];
        for (var i = 0; i < lattice.Length; i++) lattice[i] = (float)((random.NextDouble() - 0.5) * amplitude);
        var cell = new int[size];
        var weight = new float[size];
        for (var i = 0; i < size; i++)
        {
            var position = (i + 0.5f) * grid / size;
            var c = Math.Min((int)position, grid - 1);
            var f = position - c;
            cell[i] = c;
            weight[i] = f * f * (3 - 2 * f);
        }
        var stride = grid + 1;
        for (var y = 0; y < size; y++)
        {
            var row = cell[y] * stride;
            var wy = weight[y];
            for (var x = 0; x < size; x++)
            {
                var i = row + cell[x];
                var wx = weight[x];
                var top = lattice[i] + (lattice[i + 1] - lattice[i]) * wx;
                var bottom = lattice[i + stride] + (lattice[i + stride + 1] - lattice[i + stride]) * wx;
                field[y * size + x] += top + (bottom - top) * wy;
            }
        }
    }
}
