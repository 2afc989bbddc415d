namespace Iad.Methods.Components.Sampling;

/// <summary>
/// Sparse random projection (Li, Hastie &amp; Church 2006; scikit-learn's <c>SparseRandomProjection</c>, used by anomalib):
/// y = R x with R [D, F] whose entries are +√(1/s)/√D or −√(1/s)/√D with probability s/2 each and 0 otherwise,
/// density s = 1/√F. Stored as per-output lists of (input index, sign); seeded, so equal seeds give equal projections.
/// </summary>
public sealed class SparseRandomProjection
{
    private readonly int[] _offsets;
    private readonly int[] _indices;
    private readonly float[] _values;

    /// <exception cref="ArgumentOutOfRangeException">A dimension is below 1.</exception>
    public SparseRandomProjection(int inputDimensions, int outputDimensions, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDimensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputDimensions);
        InputDimensions = inputDimensions;
        OutputDimensions = outputDimensions;
        var density = 1 / Math.Sqrt(inputDimensions);
        var magnitude = (float)(Math.Sqrt(1 / density) / Math.Sqrt(outputDimensions));
        var random = new Random(seed);
        var indices = new List<int>();
        var values = new List<float>();
        _offsets = new int[outputDimensions + 1];
        for (var d = 0; d < outputDimensions; d++)
        {
            for (var f = 0; f < inputDimensions; f++)
            {
                var u = random.NextDouble();
                if (u >= density) continue;
                indices.Add(f);
                values.Add(u < density / 2 ? magnitude : -magnitude);
            }
            _offsets[d + 1] = indices.Count;
        }
        _indices = [.. indices];
        _values = [.. values];
    }

    public int InputDimensions { get; }

    public int OutputDimensions { get; }

    /// <summary>
    /// Johnson–Lindenstrauss bound as scikit-learn's <c>johnson_lindenstrauss_min_dim</c>:
    /// D = ⌊4 ln n / (ε²/2 − ε³/3)⌋ (anomalib uses ε = 0.9).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n below 1 or ε outside (0, 1).</exception>
    public static int JohnsonLindenstraussDimensions(int samples, double eps = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        if (!(eps > 0 && eps < 1)) throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be in (0, 1).");
        return Math.Max(1, (int)(4 * Math.Log(samples) / (eps * eps / 2 - eps * eps * eps / 3)));
    }

    /// <summary>
    /// Projects <paramref name="rows"/> rows of <paramref name="features"/> ([rows, F] row-major) into
    /// <paramref name="destination"/> laid out transposed, [D, rows] (output dimension d of row r at d · rows + r).
    /// </summary>
    /// <exception cref="ArgumentException">A buffer length does not match.</exception>
    public void ProjectTransposed(ReadOnlySpan<float> features, int rows, Span<float> destination)
    {
        if (features.Length != (long)rows * InputDimensions)
            throw new ArgumentException($"Features hold {features.Length} floats; {rows} rows of {InputDimensions} need {(long)rows * InputDimensions}.", nameof(features));
        if (destination.Length != (long)rows * OutputDimensions)
            throw new ArgumentException($"Destination holds {destination.Length} floats; needs {(long)rows * OutputDimensions}.", nameof(destination));
        for (var r = 0; r < rows; r++)
        {
            var x = features.Slice(r * InputDimensions, InputDimensions);
            for (var d = 0; d < OutputDimensions; d++)
            {
                var sum = 0f;
                for (var k = _offsets[d]; k < _offsets[d + 1]; k++) sum += _values[k] * x[_indices[k]];
                destination[d * rows + r] = sum;
            }
        }
    }
}
