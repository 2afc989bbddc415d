using System.Diagnostics;
using Iad.Contracts.V1;

namespace Iad.Bench.Detection;

/// <summary>One request size: client end-to-end, the server's own timing, and the in-process reference.</summary>
/// <param name="Served">gRPC Detect, client-side wall time per request: median and minimum, seconds.</param>
/// <param name="Direct">In-process run of the same batch: median and minimum, seconds.</param>
/// <param name="ServerTotal">Median of the server's arrival-to-result time (Timing.total_us), seconds.</param>
/// <param name="ServerCompute">Median batch execution time reported by the server (Timing.compute_us), seconds.</param>
/// <param name="ServerQueue">Median queue wait reported by the server (Timing.queue_us), seconds.</param>
internal sealed record ServingComparison(
    (double Median, double Min) Served, (double Median, double Min) Direct, double ServerTotal, double ServerCompute, double ServerQueue)
{
    /// <summary>Measuring time aimed at per request size, so that short calls get enough samples for a stable median.</summary>
    private const double TargetSeconds = 2.5;

    private const int Rounds = 4;

    private const int MaxPerRound = 16;

    /// <summary>
    /// Warms both sides up, then runs <see cref="Rounds"/> rounds of a block of served calls followed by a block of
    /// direct runs, so both see the same background load on a shared machine (blocks rather than strict alternation:
    /// the in-process session's spinning worker threads would otherwise steal the core the next call needs). At
    /// least <paramref name="minSamples"/> samples of each, more (up to 64) while they fit in about 2.5 s. Served calls
    /// are awaited, as an application makes them: a blocking call spins a core while it waits, which on a small
    /// machine is the core the server needs.
    /// </summary>
    public static async Task<ServingComparison> MeasureAsync(Func<Task<DetectResponse>> served, Action direct, int minSamples)
    {
        await served();
        direct();
        var start = Stopwatch.GetTimestamp();
        await served();
        var pair = Stopwatch.GetElapsedTime(start).TotalSeconds + Seconds(direct);
        var perRound = Math.Clamp((int)(TargetSeconds / pair / Rounds), (minSamples + Rounds - 1) / Rounds, Math.Max(MaxPerRound, minSamples));
        var client = new List<double>();
        var local = new List<double>();
        var total = new List<double>();
        var compute = new List<double>();
        var queue = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < perRound; i++)
            {
                start = Stopwatch.GetTimestamp();
                var timing = (await served()).Timing;
                client.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                total.Add(timing.TotalUs * 1e-6);
                compute.Add(timing.ComputeUs * 1e-6);
                queue.Add(timing.QueueUs * 1e-6);
            }
            for (var i = 0; i < perRound; i++) local.Add(Seconds(direct));
        }
        return new ServingComparison((Median(client), client.Min()), (Median(local), local.Min()), Median(total), Median(compute), Median(queue));
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
