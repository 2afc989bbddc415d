namespace Iad.Evaluation.Pixel;

/// <summary>
/// Least-significant-digit radix sorts (three passes of 11, 11 and 10 bits, all digit counts taken in one read), used
/// instead of a comparison sort because a global sort of tens of millions of pixel keys is the hot path of exact
/// pixel metrics: O(n) with sequential reads and 2048-way scattered writes.
/// </summary>
internal static class RadixSort
{
    private const int Bits = 11;
    private const int Radix = 1 << Bits;
    private const uint Mask = Radix - 1;

    /// <summary>Sorts <paramref name="keys"/> ascending using <paramref name="scratch"/> (same length); returns the span holding the result.</summary>
    public static Span<uint> Sort(Span<uint> keys, Span<uint> scratch)
    {
        var counts = new int[3 * Radix];
        foreach (var k in keys)
        {
            counts[k & Mask]++;
            counts[Radix + ((k >> Bits) & Mask)]++;
            counts[2 * Radix + (k >> (2 * Bits))]++;
        }
        var source = keys;
        var target = scratch;
        for (var pass = 0; pass < 3; pass++)
        {
            var offsets = counts.AsSpan(pass * Radix, Radix);
            if (ToOffsets(offsets, keys.Length)) continue;
            var shift = pass * Bits;
            foreach (var k in source) target[offsets[(int)((k >> shift) & Mask)]++] = k;
            var swap = source;
            source = target;
            target = swap;
        }
        return source;
    }

    /// <summary>Sorts entries ascending by their upper 32 bits (the score key; the lower half is payload), stable.</summary>
    public static Span<ulong> SortByUpperHalf(Span<ulong> entries, Span<ulong> scratch)
    {
        var counts = new int[3 * Radix];
        foreach (var e in entries)
        {
            var k = (uint)(e >> 32);
            counts[k & Mask]++;
            counts[Radix + ((k >> Bits) & Mask)]++;
            counts[2 * Radix + (k >> (2 * Bits))]++;
        }
        var source = entries;
        var target = scratch;
        for (var pass = 0; pass < 3; pass++)
        {
            var offsets = counts.AsSpan(pass * Radix, Radix);
            if (ToOffsets(offsets, entries.Length)) continue;
            var shift = 32 + pass * Bits;
            foreach (var e in source) target[offsets[(int)((e >> shift) & Mask)]++] = e;
            var swap = source;
            source = target;
            target = swap;
        }
        return source;
    }

    /// <summary>Turns digit counts into start offsets; returns true when one digit holds everything (the pass is a no-op).</summary>
    private static bool ToOffsets(Span<int> counts, int length)
    {
        var sum = 0;
        for (var d = 0; d < counts.Length; d++)
        {
            var c = counts[d];
            if (c == length) return true;
            counts[d] = sum;
            sum += c;
        }
        return false;
    }
}
