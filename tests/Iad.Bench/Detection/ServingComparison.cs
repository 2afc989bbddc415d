using System.Diagnostics;
using Iad.Contracts.V1;

namespace Iad.Bench.Detection;

/// <summary>One request size: client end-to-end, the server's own timing, and the in-process reference.</summary>
/// <param name="Served">gRPC Detect, client-side wall time per request: median and minimum, seconds.</param>
/// <param name="Direct">In-process run of the same batch: median and minimum, seconds.</param>
/// <param name="PairedRatio">Median over sample pairs of served time / in-process time of the pair.</param>
/// <param name="ServerTotal">Median of the server's arrival-to-result time (Timing.total_us), seconds.</param>
/// <param name="ServerCompute">Median batch execution time reported by the server (Timing.compute_us), seconds.</param>
/// <param name="ServerQueue">Median queue wait reported by the server (Timing.queue_us), seconds.</param>
internal sealed record ServingComparison(
    (double Median, double Min) Served, (double Median, double Min) Direct, double PairedRatio,
    double ServerTotal, double ServerCompute, double ServerQueue)
{
    /// <summary>Measuring time aimed at per request size, so that short calls get enough samples for a stable median.</summary>
    private const double TargetSeconds = 5;

    private const int MaxPairs = 200;

    /// <summary>
    /// Warms both sides up, then takes pairs of one served call and one direct run, the order flipping from pair to
    /// pair: on a shared machine the background load drifts over seconds, and a pair's two samples, taken within
    /// milliseconds of each other, see the same load, so the median of the per-pair ratios is the overhead with the
    /// drift cancelled. At least <paramref name="minSamples"/> pairs, more (up to 200) while they fit in about 5 s.
    /// Served calls are awaited, as an application makes them: a blocking call spins a core while it waits, which on
    /// a small machine is the core the server needs.
    /// </summary>
    public static async Task<ServingComparison> MeasureAsync(Func<Task<DetectResponse>> served, Action direct, int minSamples)
    {
        await served();
        direct();
        var start = Stopwatch.GetTimestamp();
        await served();
        var pair = Stopwatch.GetElapsedTime(start).TotalSeconds + Seconds(direct);
        var pairs = Math.Clamp((int)(TargetSeconds / pair), minSamples, Math.Max(MaxPairs, minSamples));
        var client = new List<double>(pairs);
        var local = new List<double>(pairs);
        var ratios = new List<double>(pairs);
        var total = new List<double>(pairs);
        var compute = new List<double>(pairs);
        var queue = new List<double>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var directFirst = i % 2 == 1;
            var directSeconds = directFirst ? Seconds(direct) : 0;
            start = Stopwatch.GetTimestamp();
            var timing = (await served()).Timing;
            var servedSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!directFirst) directSeconds = Seconds(direct);
            client.Add(servedSeconds);
            local.Add(directSeconds);
            ratios.Add(servedSeconds / directSeconds);
            total.Add(timing.TotalUs * 1e-6);
            compute.Add(timing.ComputeUs * 1e-6);
            queue.Add(timing.QueueUs * 1e-6);
        }
        return new ServingComparison(
            (Median(client), client.Min()), (Median(local), local.Min()), Median(ratios), Median(total), Median(compute), Median(queue));
    }

    /// <summary>Median and minimum of <paramref name="call"/>'s wall time over <paramref name="samples"/> calls after one warm-up, seconds.</summary>
    public static async Task<(double Median, double Min)> TimeAsync(Func<Task> call, int samples)
    {
        await call();
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return (Median(times), times.Min());
    }

    private static double Seconds(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
