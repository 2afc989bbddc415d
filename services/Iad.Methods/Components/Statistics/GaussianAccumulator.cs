using System.Numerics.Tensors;

namespace Iad.Methods.Components.Statistics;

/// <summary>
/// Streaming per-position multivariate Gaussian (anomalib <c>components/stats/multi_variate_gaussian.py</c>): for each
/// of P positions it accumulates, in double precision, n, Σx and Σxxᵀ of d-dimensional samples, then gives
/// μ = Σx / n and the unbiased covariance Σ = (Σxxᵀ − n μμᵀ) / (n − 1) + εI (n − 1 is taken as 1 when n = 1, leaving εI),
/// and Σ⁻¹ by Cholesky factorisation. Memory: P·d·(d + 1) doubles.
/// </summary>
public sealed class GaussianAccumulator
{
    private readonly double[] _sum;
    private readonly double[] _products;
    private readonly double[] _sample;

    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public GaussianAccumulator(int positions, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(positions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Positions = positions;
        Dimensions = dimensions;
        _sum = new double[checked(positions * dimensions)];
        _products = new double[checked(positions * dimensions * dimensions)];
        _sample = new double[dimensions];
    }

    public int Positions { get; }

    public int Dimensions { get; }

    /// <summary>Samples per position so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds <paramref name="count"/> images' embeddings, [count · P, d] row-major (image-major, then position).</summary>
    /// <exception cref="ArgumentException">The length is not count · P · d.</exception>
    public void Add(ReadOnlySpan<float> embeddings, int count)
    {
        var d = Dimensions;
        if (embeddings.Length != (long)count * Positions * d)
            throw new ArgumentException($"Embeddings hold {embeddings.Length} floats; {count} images × {Positions} positions × {d} needed.", nameof(embeddings));
        var x = _sample.AsSpan();
        for (var n = 0; n < count; n++)
        {
            for (var p = 0; p < Positions; p++)
            {
                var source = embeddings.Slice((n * Positions + p) * d, d);
                for (var i = 0; i < d; i++) x[i] = source[i];
                var sum = _sum.AsSpan(p * d, d);
                TensorPrimitives.Add(sum, x, sum);
                var products = _products.AsSpan(p * d * d, d * d);
                for (var i = 0; i < d; i++)
                {
                    var row = products.Slice(i * d, d);
                    TensorPrimitives.MultiplyAdd(x, x[i], row, row);
                }
            }
        }
        Count += count;
    }

    /// <summary>
    /// Adds a previously fitted Gaussian as if its <paramref name="count"/> samples were streamed again:
    /// Σx += n μ, Σxxᵀ += (n − 1)(Σ − εI) + n μμᵀ (exact pooling of both sample sets).
    /// </summary>
    public void AddFitted(ReadOnlySpan<float> mean, ReadOnlySpan<float> covariance, long count, float epsilon)
    {
        var d = Dimensions;
        if (mean.Length != Positions * d || covariance.Length != (long)Positions * d * d)
            throw new ArgumentException($"A fitted Gaussian for {Positions} positions × {d} dimensions is needed.");
        var scale = Math.Max(count - 1, 1);
        for (var p = 0; p < Positions; p++)
        {
            for (var i = 0; i < d; i++)
            {
                var mi = (double)mean[p * d + i];
                _sum[p * d + i] += count * mi;
                for (var j = 0; j < d; j++)
                {
                    var c = (double)covariance[(p * d + i) * d + j] - (i == j ? epsilon : 0);
                    _products[(p * d + i) * d + j] += scale * c + count * mi * mean[p * d + j];
                }
            }
        }
        Count += count;
    }

    /// <summary>Mean [P, d], regularised covariance [P, d, d] and its inverse [P, d, d].</summary>
    /// <exception cref="InvalidOperationException">No samples were added, or a covariance is not positive definite (ε = 0 with degenerate data).</exception>
    public (float[] Mean, float[] Covariance, float[] Inverse) Finish(float epsilon, int maxDegreeOfParallelism = 0)
    {
        if (Count == 0) throw new InvalidOperationException("No samples were added.");
        var d = Dimensions;
        var mean = new float[Positions * d];
        var covariance = new float[Positions * d * d];
        var inverse = new float[Positions * d * d];
        var denominator = Math.Max(Count - 1, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount };
        Parallel.For(0, Positions, parallel, p =>
        {
            var mu = new double[d];
            for (var i = 0; i < d; i++)
            {
                mu[i] = _sum[p * d + i] / Count;
                mean[p * d + i] = (float)mu[i];
            }
            var sigma = new double[d * d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    sigma[i * d + j] = (_products[(p * d + i) * d + j] - Count * mu[i] * mu[j]) / denominator + (i == j ? epsilon : 0);
                    covariance[(p * d + i) * d + j] = (float)sigma[i * d + j];
                }
            }
            var inv = SymmetricInverse.Invert(sigma, d, p);
            for (var i = 0; i < d * d; i++) inverse[p * d * d + i] = (float)inv[i];
        });
        return (mean, covariance, inverse);
    }
}
