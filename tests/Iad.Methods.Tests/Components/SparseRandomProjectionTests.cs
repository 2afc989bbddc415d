using Iad.Methods.Components.Sampling;

namespace Iad.Methods.Tests.Components;

public class SparseRandomProjectionTests
{
    [Fact]
    public void Johnson_Lindenstrauss_dimension_matches_scikit_learn()
    {
        // sklearn.random_projection.johnson_lindenstrauss_min_dim(n, eps=0.9): 4·ln n / (0.405 − 0.243).
        Assert.Equal(284, SparseRandomProjection.JohnsonLindenstraussDimensions(100_000));
        Assert.Equal(170, SparseRandomProjection.JohnsonLindenstraussDimensions(1_000));
    }

    [Fact]
    public void Roughly_preserves_distances_and_is_seeded()
    {
        const int rows = 40, inputs = 1536, outputs = 256;
        var random = new Random(2);
        var x = new float[rows * inputs];
        for (var i = 0; i < x.Length; i++) x[i] = (float)(random.NextDouble() * 2 - 1);
        var projected = new float[rows * outputs];
        new SparseRandomProjection(inputs, outputs, 1).ProjectTransposed(x, rows, projected);
        var again = new float[rows * outputs];
        new SparseRandomProjection(inputs, outputs, 1).ProjectTransposed(x, rows, again);
        Assert.Equal(projected, again);
        for (var a = 0; a < 10; a++)
        {
            var b = a + 10;
            double original = 0, reduced = 0;
            for (var f = 0; f < inputs; f++) original += Math.Pow(x[a * inputs + f] - x[b * inputs + f], 2);
            for (var d = 0; d < outputs; d++) reduced += Math.Pow(projected[d * rows + a] - projected[d * rows + b], 2);
            Assert.InRange(reduced / original, 0.6, 1.4);
        }
    }
}
