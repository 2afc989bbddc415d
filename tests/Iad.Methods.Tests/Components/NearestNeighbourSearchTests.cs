using Iad.Methods.Components.NearestNeighbours;

namespace Iad.Methods.Tests.Components;

public class NearestNeighbourSearchTests
{
    [Theory]
    [InlineData(1, 37, 301, 19)]
    [InlineData(3, 70, 517, 45)]
    [InlineData(9, 5, 9, 7)]
    public void Matches_brute_force(int k, int queries, int bankRows, int columns)
    {
        var random = new Random(queries);
        var bank = new float[bankRows * columns];
        var q = new float[queries * columns];
        for (var i = 0; i < bank.Length; i++) bank[i] = random.NextSingle();
        for (var i = 0; i < q.Length; i++) q[i] = random.NextSingle();
        var distances = new float[queries * k];
        var indices = new int[queries * k];
        new NearestNeighbourSearch(bank, columns).Search(q, queries, k, distances, indices);
        for (var i = 0; i < queries; i++)
        {
            var all = new (double Distance, int Index)[bankRows];
            for (var j = 0; j < bankRows; j++)
            {
                double sum = 0;
                for (var c = 0; c < columns; c++) sum += Math.Pow(q[i * columns + c] - bank[j * columns + c], 2);
                all[j] = (sum, j);
            }
            var exact = all.OrderBy(p => p.Distance).ThenBy(p => p.Index).Take(k).ToArray();
            for (var r = 0; r < k; r++)
            {
                Assert.Equal(exact[r].Index, indices[i * k + r]);
                Assert.Equal(exact[r].Distance, distances[i * k + r], 1e-3);
            }
        }
    }

    [Fact]
    public void Ties_keep_the_lower_index_and_sizes_are_checked()
    {
        float[] bank = [1, 1, 0, 0, 1, 1];
        var distances = new float[2];
        var indices = new int[2];
        var search = new NearestNeighbourSearch(bank, 2);
        search.Search([1, 1], 1, 2, distances, indices);
        Assert.Equal([0, 2], indices);
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Search([1, 1], 1, 4, new float[4], new int[4]));
        Assert.Throws<ArgumentException>(() => search.Search([1, 1, 1], 1, 1, new float[1], new int[1]));
    }
}
