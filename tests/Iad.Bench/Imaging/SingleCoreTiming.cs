using System.Diagnostics;
using OpenCvSharp;

namespace Iad.Bench.Imaging;

/// <summary>
/// Single-core measurement for image benchmarks: OpenCV's own thread pool is limited to the calling thread, and besides
/// wall time the process CPU time is taken, which stays meaningful on a machine shared with other work.
/// </summary>
internal static class SingleCoreTiming
{
    /// <summary>Limits OpenCV to one thread; returns the previous setting for <see cref="Restore"/>.</summary>
    public static int UseOneOpenCvThread()
    {
        var previous = Cv2.GetNumThreads();
        Cv2.SetNumThreads(1);
        return previous;
    }

    public static void Restore(int threads) => Cv2.SetNumThreads(threads);

    /// <summary>Median process CPU seconds of <paramref name="repetitions"/> runs after one warm-up run.</summary>
    public static double MedianCpuSeconds(int repetitions, Action action)
    {
        action();
        var samples = new double[repetitions];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < samples.Length; i++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            action();
            process.Refresh();
            samples[i] = (process.TotalProcessorTime - start).TotalSeconds;
        }
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }
}
