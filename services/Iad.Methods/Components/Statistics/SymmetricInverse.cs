namespace Iad.Methods.Components.Statistics;

/// <summary>Inverse of a symmetric positive-definite matrix by Cholesky: A = L Lᵀ, A⁻¹ = L⁻ᵀ L⁻¹ (double precision).</summary>
internal static class SymmetricInverse
{
    /// <exception cref="InvalidOperationException">A is not positive definite; the message names the position and pivot.</exception>
    public static double[] Invert(double[] a, int d, int position)
    {
        var l = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            var diagonal = a[j * d + j];
            for (var k = 0; k < j; k++) diagonal -= l[j * d + k] * l[j * d + k];
            if (!(diagonal > 0))
                throw new InvalidOperationException($"The covariance at position {position} is not positive definite (pivot {j} = {diagonal}); increase ε.");
            var root = Math.Sqrt(diagonal);
            l[j * d + j] = root;
            for (var i = j + 1; i < d; i++)
            {
                var value = a[i * d + j];
                for (var k = 0; k < j; k++) value -= l[i * d + k] * l[j * d + k];
                l[i * d + j] = value / root;
            }
        }
        // Columns of L⁻¹ by forward substitution (lower triangular).
        var li = new double[d * d];
        for (var c = 0; c < d; c++)
        {
            for (var i = c; i < d; i++)
            {
                var value = i == c ? 1.0 : 0.0;
                for (var k = c; k < i; k++) value -= l[i * d + k] * li[k * d + c];
                li[i * d + c] = value / l[i * d + i];
            }
        }
        var inverse = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                double sum = 0;
                for (var k = i; k < d; k++) sum += li[k * d + i] * li[k * d + j];
                inverse[i * d + j] = sum;
                inverse[j * d + i] = sum;
            }
        }
        return inverse;
    }
}
