using System.Diagnostics;
using Iad.Methods.Components.Sampling;

namespace Iad.Bench.Methods;

/// <summary>
/// Greedy k-center coreset at ratio 0.1 on 100,000 × 1536 random features (PatchCore on WideResNet-50 at 256², ~100
/// images): <see cref="KCenterGreedy"/> (128-d sparse projection, chunked multiply-add updates, 2 threads) against a
/// straightforward loop k-center on the unprojected features, which is measured at 5,000 rows × 100 selections and
/// extrapolated by its O(N · k · d) cost.
/// </summary>
public sealed class CoresetBenchmark : IBenchmark
{
    private const int Rows = 100_000;
    private const int Columns = 1536;
    private const double Ratio = 0.1;
    private const int ReferenceRows = 5_000;
    private const int ReferenceSelections = 100;

    public string Name => "coreset";

    public string Description => "k-center coreset 100k x 1536 ratio 0.1: projected chunked KCenterGreedy vs plain loop (extrapolated)";

    public void Run(BenchContext context)
    {
        var random = new Random(1);
        var features = GC.AllocateUninitializedArray<float>(Rows * Columns);
        for (var i = 0; i < features.Length; i++) features[i] = random.NextSingle();
        var count = KCenterGreedy.SampleCount(Rows, Ratio);

        var start = Stopwatch.GetTimestamp();
        var selected = KCenterGreedy.Select(features, Rows, Columns, count, new KCenterGreedyOptions { Seed = 0 });
        var subject = Stopwatch.GetElapsedTime(start).TotalSeconds;
        context.Report($"KCenterGreedy {Rows}x{Columns} -> {selected.Length}", subject);

        var referenceSmall = context.MedianSeconds(() => PlainKCenter(features.AsSpan(0, ReferenceRows * Columns), ReferenceRows, Columns, ReferenceSelections));
        var reference = referenceSmall * ((double)Rows / ReferenceRows) * ((double)count / ReferenceSelections);
        context.Report($"plain loop {ReferenceRows}x{Columns} -> {ReferenceSelections} (measured)", referenceSmall);
        context.Report($"plain loop {Rows}x{Columns} -> {count} (extrapolated N·k·d)", reference);
        context.Ratio("KCenterGreedy / plain loop", subject, reference);
    }

    // Textbook k-center: exact squared distances on raw features, one scalar loop per row and selection.
    private static int[] PlainKCenter(ReadOnlySpan<float> x, int rows, int columns, int count)
    {
        var minimum = new float[rows];
        Array.Fill(minimum, float.PositiveInfinity);
        var selected = new int[count];
        for (var i = 1; i < count; i++)
        {
            var centre = x.Slice(selected[i - 1] * columns, columns);
            var best = 0;
            for (var r = 0; r < rows; r++)
            {
                var row = x.Slice(r * columns, columns);
                var sum = 0f;
                for (var c = 0; c < columns; c++)
                {
                    var d = row[c] - centre[c];
                    sum += d * d;
                }
                if (sum < minimum[r]) minimum[r] = sum;
                if (minimum[r] > minimum[best]) best = r;
            }
            selected[i] = best;
        }
        return selected;
    }
}
