using System.Buffers;
using System.Numerics.Tensors;

namespace Iad.Methods.Components.NearestNeighbours;

/// <summary>
/// Exact k-nearest-neighbour search of query rows against a bank [M, C] (row-major) under squared Euclidean distance,
/// computed as a matrix product: d²(q, b) = ‖q‖² − 2 q·b + ‖b‖², in blocks of 64 queries × 256 bank rows so no full
/// distance matrix is ever held. Query blocks run in parallel. Results are sorted ascending; ties keep the lower bank
/// index first (as ONNX TopK). Distances are not clamped: rounding can make a true zero slightly negative.
/// </summary>
public sealed class NearestNeighbourSearch
{
    private const int QueryBlock = 64;
    private const int BankBlock = 256;
    private readonly ReadOnlyMemory<float> _bank;
    private readonly float[] _bankNorms;
    private readonly ParallelOptions _parallel;

    /// <summary>Wraps <paramref name="bank"/> (not copied; must not change while searching) and precomputes its squared norms.</summary>
    /// <exception cref="ArgumentException">The bank is empty or not whole rows of <paramref name="columns"/>.</exception>
    public NearestNeighbourSearch(ReadOnlyMemory<float> bank, int columns, int maxDegreeOfParallelism = 0)
    {
        if (columns < 1 || bank.Length == 0 || bank.Length % columns != 0)
            throw new ArgumentException($"The bank holds {bank.Length} floats, not a positive number of rows of {columns} columns.", nameof(bank));
        _bank = bank;
        Columns = columns;
        Rows = bank.Length / columns;
        _bankNorms = new float[Rows];
        var span = bank.Span;
        for (var r = 0; r < Rows; r++)
        {
            var row = span.Slice(r * columns, columns);
            _bankNorms[r] = TensorPrimitives.Dot(row, row);
        }
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount };
    }

    /// <summary>Bank rows M.</summary>
    public int Rows { get; }

    /// <summary>Feature dimension C.</summary>
    public int Columns { get; }

    /// <summary>
    /// For each of <paramref name="queryRows"/> query rows, the <paramref name="k"/> nearest bank rows: squared distances
    /// into <paramref name="distances"/> and indices into <paramref name="indices"/>, both [queryRows, k] row-major.
    /// </summary>
    /// <exception cref="ArgumentException">k is outside 1..M or a buffer length does not match.</exception>
    public void Search(ReadOnlySpan<float> queries, int queryRows, int k, Span<float> distances, Span<int> indices)
    {
        if (k < 1 || k > Rows) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in 1..{Rows} (bank rows).");
        if (queries.Length != (long)queryRows * Columns)
            throw new ArgumentException($"Queries hold {queries.Length} floats; {queryRows} rows of {Columns} need {(long)queryRows * Columns}.", nameof(queries));
        if (distances.Length != (long)queryRows * k || indices.Length != (long)queryRows * k)
            throw new ArgumentException($"Result buffers hold {distances.Length} and {indices.Length} entries; {queryRows} × {k} are needed.");
        if (queryRows == 0) return;

        var rented = ArrayPool<float>.Shared.Rent(queries.Length);
        var distanceArray = ArrayPool<float>.Shared.Rent(distances.Length);
        var indexArray = ArrayPool<int>.Shared.Rent(indices.Length);
        try
        {
            // Parallel bodies cannot capture spans: work on pooled copies.
            queries.CopyTo(rented);
            var blocks = (queryRows + QueryBlock - 1) / QueryBlock;
            Parallel.For(0, blocks, _parallel, block => SearchBlock(rented, block * QueryBlock, Math.Min(QueryBlock, queryRows - block * QueryBlock), k, distanceArray, indexArray));
            distanceArray.AsSpan(0, distances.Length).CopyTo(distances);
            indexArray.AsSpan(0, indices.Length).CopyTo(indices);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
            ArrayPool<float>.Shared.Return(distanceArray);
            ArrayPool<int>.Shared.Return(indexArray);
        }
    }

    private void SearchBlock(float[] queries, int start, int count, int k, float[] distances, int[] indices)
    {
        var columns = Columns;
        var q = queries.AsSpan(start * columns, count * columns);
        Span<float> queryNorms = stackalloc float[count];
        for (var i = 0; i < count; i++)
        {
            var row = q.Slice(i * columns, columns);
            queryNorms[i] = TensorPrimitives.Dot(row, row);
        }
        var best = distances.AsSpan(start * k, count * k);
        var bestIndex = indices.AsSpan(start * k, count * k);
        best.Fill(float.PositiveInfinity);
        bestIndex.Fill(-1);
        var dots = ArrayPool<float>.Shared.Rent(QueryBlock * BankBlock);
        try
        {
            var bank = _bank.Span;
            for (var j0 = 0; j0 < Rows; j0 += BankBlock)
            {
                var n = Math.Min(BankBlock, Rows - j0);
                DotProductBlock.Compute(q, count, bank.Slice(j0 * columns, n * columns), n, columns, dots);
                var norms = _bankNorms.AsSpan(j0, n);
                for (var i = 0; i < count; i++)
                {
                    var row = dots.AsSpan(i * n, n);
                    var rowBest = best.Slice(i * k, k);
                    var rowIndex = bestIndex.Slice(i * k, k);
                    var qn = queryNorms[i];
                    for (var j = 0; j < n; j++)
                    {
                        var d = qn - 2 * row[j] + norms[j];
                        if (d < rowBest[k - 1]) Insert(rowBest, rowIndex, d, j0 + j);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dots);
        }
    }

    // Sorted insertion; an equal distance goes after existing entries, so lower indices win ties.
    private static void Insert(Span<float> best, Span<int> index, float distance, int row)
    {
        var position = best.Length - 1;
        while (position > 0 && best[position - 1] > distance)
        {
            best[position] = best[position - 1];
            index[position] = index[position - 1];
            position--;
        }
        best[position] = distance;
        index[position] = row;
    }
}
