namespace Iad.Methods.Padim;

/// <summary>PaDiM's random channel subset: a seeded Fisher–Yates shuffle of 0..total−1, the first <c>count</c> kept, sorted ascending.</summary>
public static class PadimChannels
{
    /// <summary>The kept channel indices; all channels when <paramref name="count"/> ≥ <paramref name="total"/>.</summary>
    public static int[] Select(int total, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var order = new int[total];
        for (var i = 0; i < total; i++) order[i] = i;
        if (count >= total) return order;
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, total);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var kept = order[..count];
        Array.Sort(kept);
        return kept;
    }
}
