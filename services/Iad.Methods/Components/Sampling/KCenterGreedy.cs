using System.Buffers;
using System.Numerics.Tensors;

namespace Iad.Methods.Components.Sampling;

/// <summary>
/// Greedy k-center coreset selection (Sener &amp; Savarese 2018; PatchCore's memory-bank subsampling). Rows are first
/// projected to D dimensions (<see cref="SparseRandomProjection"/>); starting from one centre, each step adds the row
/// whose squared distance to its nearest selected centre, min_j ‖x_i − c_j‖², is largest (lowest index on ties), which
/// greedily minimises the covering radius. Distances use ‖x‖² − 2 x·c + ‖c‖² on a transposed [D, rows] copy, updated
/// chunk by chunk with one multiply-add pass per dimension, so a step is a GEMM-shaped matrix–vector product and
/// allocates nothing. O(rows · count · D) time, O(rows · D) extra memory (pooled).
/// </summary>
/// <remarks>
/// Unlike anomalib, the first centre is part of the selection and is seeded; selected rows are never picked again,
/// so duplicated rows yield distinct indices as long as unselected rows remain.
/// </remarks>
public static class KCenterGreedy
{
    /// <summary>Coreset size for a sampling ratio: max(1, ⌊rows · ratio⌋), at most rows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is not in (0, 1].</exception>
    public static int SampleCount(long rows, double ratio)
    {
        if (!(ratio > 0 && ratio <= 1)) throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The coreset ratio must be in (0, 1].");
        return (int)Math.Clamp((long)(rows * ratio), 1, rows);
    }

    /// <summary>
    /// Selects <paramref name="count"/> distinct rows of <paramref name="features"/> ([rows, columns] row-major); returns
    /// their indices in selection order. <paramref name="progress"/> receives (selected, count) about a hundred times.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes do not match, count is outside 1..rows, or the first index is out of range.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static int[] Select(ReadOnlySpan<float> features, int rows, int columns, int count, KCenterGreedyOptions? options = null,
        Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new KCenterGreedyOptions();
        if (rows < 1 || columns < 1 || features.Length != (long)rows * columns)
            throw new ArgumentException($"Features hold {features.Length} floats, not {rows} rows of {columns} columns.", nameof(features));
        if (count < 1 || count > rows)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The coreset size must be in 1..{rows}.");
        if (options.ProjectionDimensions < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.ProjectionDimensions, "Projection dimensions must be ≥ 0.");
        if (options.ChunkRows is < 16 or > 16384)
            throw new ArgumentOutOfRangeException(nameof(options), options.ChunkRows, "Chunks must hold 16..16384 rows (the accumulator lives on the stack).");
        var first = options.FirstIndex ?? new Random(options.Seed).Next(rows);
        if (first < 0 || first >= rows) throw new ArgumentOutOfRangeException(nameof(options), first, $"The first index must be in 0..{rows - 1}.");

        var dims = options.ProjectionDimensions == 0
            ? SparseRandomProjection.JohnsonLindenstraussDimensions(rows)
            : options.ProjectionDimensions;
        var transposed = ArrayPool<float>.Shared.Rent(checked(rows * Math.Min(dims, columns)));
        var norms = ArrayPool<float>.Shared.Rent(rows);
        var minimum = ArrayPool<float>.Shared.Rent(rows);
        try
        {
            if (dims < columns)
            {
                new SparseRandomProjection(columns, dims, options.Seed).ProjectTransposed(features, rows, transposed.AsSpan(0, rows * dims));
            }
            else
            {
                dims = columns;
                Transpose(features, rows, columns, transposed);
            }
            var state = new State(transposed, norms, minimum, rows, dims, options);
            state.Initialise();
            var selected = new int[count];
            selected[0] = first;
            var step = Math.Max(1, count / 100);
            for (var i = 1; i < count; i++)
            {
                if ((i & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                selected[i] = state.AddCentre(selected[i - 1]);
                if (progress is not null && i % step == 0) progress(i, count);
            }
            progress?.Invoke(count, count);
            return selected;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(transposed);
            ArrayPool<float>.Shared.Return(norms);
            ArrayPool<float>.Shared.Return(minimum);
        }
    }

    private static void Transpose(ReadOnlySpan<float> features, int rows, int columns, Span<float> destination)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = features.Slice(r * columns, columns);
            for (var c = 0; c < columns; c++) destination[c * rows + r] = row[c];
        }
    }

    /// <summary>Distance state: transposed points, their squared norms and each row's squared distance to the nearest centre.</summary>
    private sealed class State(float[] transposed, float[] norms, float[] minimum, int rows, int dims, KCenterGreedyOptions options)
    {
        private readonly float[] _centre = new float[dims];
        private readonly int _chunk = options.ChunkRows;
        private readonly int _chunks = (rows + options.ChunkRows - 1) / options.ChunkRows;
        private readonly float[] _chunkMax = new float[(rows + options.ChunkRows - 1) / options.ChunkRows];
        private readonly int[] _chunkArg = new int[(rows + options.ChunkRows - 1) / options.ChunkRows];
        private readonly ParallelOptions _parallel = new()
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount,
        };
        private int _lastCentre;

        public void Initialise()
        {
            var n = norms.AsSpan(0, rows);
            n.Clear();
            for (var d = 0; d < dims; d++)
            {
                var column = transposed.AsSpan(d * rows, rows);
                TensorPrimitives.MultiplyAdd(column, column, n, n);
            }
            minimum.AsSpan(0, rows).Fill(float.PositiveInfinity);
        }

        /// <summary>Updates distances with centre <paramref name="centre"/>, retires it, and returns the farthest remaining row.</summary>
        public int AddCentre(int centre)
        {
            for (var d = 0; d < dims; d++) _centre[d] = transposed[d * rows + centre];
            _lastCentre = centre;
            if (_chunks == 1 || _parallel.MaxDegreeOfParallelism == 1)
            {
                for (var c = 0; c < _chunks; c++) UpdateChunk(c);
            }
            else
            {
                Parallel.For(0, _chunks, _parallel, UpdateChunk);
            }
            var best = 0;
            for (var c = 1; c < _chunks; c++)
            {
                if (_chunkMax[c] > _chunkMax[best]) best = c;
            }
            return _chunkArg[best];
        }

        private void UpdateChunk(int chunk)
        {
            var start = chunk * _chunk;
            var length = Math.Min(_chunk, rows - start);
            Span<float> accumulator = stackalloc float[length];
            var centreNorm = norms[_lastCentre];
            TensorPrimitives.Add(norms.AsSpan(start, length), centreNorm, accumulator);
            for (var d = 0; d < dims; d++)
                TensorPrimitives.MultiplyAdd(transposed.AsSpan(d * rows + start, length), -2 * _centre[d], accumulator, accumulator);
            var mins = minimum.AsSpan(start, length);
            TensorPrimitives.Min(mins, accumulator, mins);
            // A retired centre sits at −∞ so it is never chosen again, even when every distance is zero.
            if (_lastCentre >= start && _lastCentre < start + length) mins[_lastCentre - start] = float.NegativeInfinity;
            var arg = TensorPrimitives.IndexOfMax(mins);
            _chunkMax[chunk] = mins[arg];
            _chunkArg[chunk] = start + arg;
        }
    }
}
