using System.Diagnostics;

namespace Iad.Bench;

/// <summary>Timing helpers shared by all benchmarks: warm-up, repeated runs, medians, and a uniform report line.</summary>
public sealed class BenchContext(int repetitions, TextWriter output)
{
    public int Repetitions { get; } = repetitions;

    public TextWriter Output { get; } = output;

    /// <summary>Runs <paramref name="action"/> once to warm up, then <see cref="Repetitions"/> times; returns the median in seconds.</summary>
    public double MedianSeconds(Action action)
    {
        action();
        var samples = new double[Repetitions];
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    /// <summary>Prints one measured figure.</summary>
    public void Report(string what, double seconds, string? extra = null) =>
        Output.WriteLine($"  {what,-48} {seconds * 1e3,12:F3} ms{(extra is null ? "" : "  " + extra)}");

    /// <summary>Prints the ratio subject / reference (below 1 means the subject is faster).</summary>
    public void Ratio(string what, double subjectSeconds, double referenceSeconds) =>
        Output.WriteLine($"  {what,-48} {subjectSeconds / referenceSeconds,12:F3} x");
}
