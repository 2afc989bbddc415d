using Iad.Imaging.Randomness;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>One task's category, its units (sorted by id) and the setting seed.</summary>
internal sealed record TaskContext(string Category, int Seed, IReadOnlyList<SettingUnit> Units, double UnsplitTestFraction)
{
    /// <summary>An independent random stream for <paramref name="purpose"/> within this category.</summary>
    public SeededRandom Random(string purpose) => new(StableSeed.Of64(Seed, purpose, Category));

    /// <summary>A copy of <paramref name="items"/> in an order drawn from the stream <paramref name="purpose"/> (Fisher–Yates).</summary>
    public T[] Shuffled<T>(IEnumerable<T> items, string purpose)
    {
        var array = items.ToArray();
        var random = Random(purpose);
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }

        return array;
    }
}
