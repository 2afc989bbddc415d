using System.Buffers;

namespace Iad.Methods.Components.FeatureExtraction;

/// <summary>
/// A growing contiguous [rows, columns] float matrix, row-major. Capacity doubles from pooled arrays, so appending n
/// rows costs amortised O(n · columns) copies and no per-row objects; dispose to return the array to the pool.
/// </summary>
public sealed class FeatureBuffer : IDisposable
{
    private float[] _data;

    /// <exception cref="ArgumentOutOfRangeException">Columns below 1 or a negative initial row capacity.</exception>
    public FeatureBuffer(int columns, int initialRows = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(initialRows);
        Columns = columns;
        _data = ArrayPool<float>.Shared.Rent(checked(Math.Max(1, initialRows) * columns));
    }

    public int Columns { get; }

    public int Rows { get; private set; }

    /// <summary>The filled rows, [Rows, Columns].</summary>
    public Span<float> Span => _data.AsSpan(0, Rows * Columns);

    /// <summary>Row <paramref name="row"/>.</summary>
    public Span<float> Row(int row) => _data.AsSpan(row * Columns, Columns);

    /// <summary>Appends whole rows.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <see cref="Columns"/>.</exception>
    public void Append(ReadOnlySpan<float> rows)
    {
        if (rows.Length % Columns != 0)
            throw new ArgumentException($"{rows.Length} floats are not whole rows of {Columns} columns.", nameof(rows));
        var needed = checked((long)Rows * Columns + rows.Length);
        if (needed > Array.MaxLength) throw new InsufficientMemoryException($"A feature buffer of {needed} floats exceeds the largest array ({Array.MaxLength}).");
        if (needed > _data.Length)
        {
            var grown = ArrayPool<float>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _data.Length)));
            Span.CopyTo(grown);
            ArrayPool<float>.Shared.Return(_data);
            _data = grown;
        }
        rows.CopyTo(_data.AsSpan(Rows * Columns));
        Rows += rows.Length / Columns;
    }

    /// <summary>Forgets all rows, keeping the capacity.</summary>
    public void Clear() => Rows = 0;

    public void Dispose()
    {
        if (_data.Length == 0) return;
        ArrayPool<float>.Shared.Return(_data);
        _data = [];
        Rows = 0;
    }
}
