using Iad.Methods.Components.Sampling;

namespace Iad.Methods.Tests.Components;

public class KCenterGreedyTests
{
    [Fact]
    public void Picks_the_farthest_point_each_step_on_a_line()
    {
        // 1-D points 0, 1, 2, 10, 11, 20 from row 0: 20 is farthest; then 10 (10 from {0, 20}, 11 is only 9);
        // then 2 (2 from 0; 11 is 1 from 10); then 1 and 11 tie at 1 and the lower row wins.
        float[] points = [0, 1, 2, 10, 11, 20];
        var selected = KCenterGreedy.Select(points, 6, 1, 5, new KCenterGreedyOptions { FirstIndex = 0 });
        Assert.Equal([0, 5, 3, 2, 1], selected);
    }

    [Fact]
    public void Never_repeats_a_row_even_when_all_rows_are_equal()
    {
        var points = new float[10 * 3];
        var selected = KCenterGreedy.Select(points, 10, 3, 10, new KCenterGreedyOptions { Seed = 4 });
        Assert.Equal(Enumerable.Range(0, 10), selected.Order());
    }

    [Theory]
    [InlineData(16, 128)]
    [InlineData(200, 32)]
    [InlineData(200, 0)]
    public void Covering_radius_is_not_larger_than_a_random_subset(int dims, int projection)
    {
        const int rows = 1500, count = 60;
        // Random clustered data: 40 uniform centres, each point a centre plus small uniform noise.
        var random = new Random(11);
        var centres = new float[40 * dims];
        for (var i = 0; i < centres.Length; i++) centres[i] = (float)random.NextDouble();
        var points = new float[rows * dims];
        for (var r = 0; r < rows; r++)
        {
            var centre = random.Next(40);
            for (var d = 0; d < dims; d++) points[r * dims + d] = centres[centre * dims + d] + 0.1f * (float)random.NextDouble();
        }
        var greedy = KCenterGreedy.Select(points, rows, dims, count, new KCenterGreedyOptions { ProjectionDimensions = projection, Seed = 3, ChunkRows = 256 });
        var shuffled = Enumerable.Range(0, rows).OrderBy(_ => random.Next()).Take(count).ToArray();
        Assert.Equal(count, greedy.Distinct().Count());
        Assert.True(CoveringRadius(points, dims, greedy) <= CoveringRadius(points, dims, shuffled));
    }

    [Fact]
    public void Is_deterministic_for_a_seed_and_reports_progress_to_the_end()
    {
        var random = new Random(5);
        var points = new float[500 * 8];
        for (var i = 0; i < points.Length; i++) points[i] = random.NextSingle();
        var reports = new List<(int Done, int Total)>();
        var first = KCenterGreedy.Select(points, 500, 8, 50, new KCenterGreedyOptions { Seed = 9 }, (d, t) => reports.Add((d, t)));
        var second = KCenterGreedy.Select(points, 500, 8, 50, new KCenterGreedyOptions { Seed = 9 });
        Assert.Equal(first, second);
        Assert.Equal((50, 50), reports[^1]);
    }

    [Fact]
    public void Honours_cancellation_and_rejects_bad_sizes()
    {
        var points = new float[20_000 * 4];
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => KCenterGreedy.Select(points, 20_000, 4, 1000, null, null, cancelled.Token));
        Assert.Throws<ArgumentOutOfRangeException>(() => KCenterGreedy.Select(points, 20_000, 4, 20_001));
        Assert.Equal(10, KCenterGreedy.SampleCount(100, 0.1));
        Assert.Equal(1, KCenterGreedy.SampleCount(3, 0.1));
    }

    private static double CoveringRadius(float[] points, int dims, int[] centres)
    {
        var worst = 0.0;
        for (var i = 0; i < points.Length / dims; i++)
        {
            var best = double.MaxValue;
            foreach (var c in centres)
            {
                double sum = 0;
                for (var d = 0; d < dims; d++)
                {
                    var diff = points[i * dims + d] - points[c * dims + d];
                    sum += diff * diff;
                }
                best = Math.Min(best, sum);
            }
            worst = Math.Max(worst, best);
        }
        return Math.Sqrt(worst);
    }
}
