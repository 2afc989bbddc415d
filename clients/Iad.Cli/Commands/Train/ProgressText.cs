using System.Globalization;
using Iad.Contracts.V1;

namespace Iad.Cli.Commands.Train;

/// <summary>Human-readable wording of training progress, shared by the progress bar and the plain-line output.</summary>
internal static class ProgressText
{
    /// <summary>Lower-case phase name, e.g. <c>extracting</c>.</summary>
    public static string Phase(TrainingPhase phase) => phase == TrainingPhase.Unspecified ? "queued" : phase.ToString().ToLowerInvariant();

    /// <summary>Lower-case job state, e.g. <c>succeeded</c>.</summary>
    public static string State(JobState state) => state.ToString().ToLowerInvariant();

    /// <summary>"phase: done/total images (message)", leaving out the parts the event does not carry and a message that only repeats the phase.</summary>
    public static string Describe(JobProgress progress)
    {
        var text = Phase(progress.Phase);
        if (progress.ImagesTotal > 0) text += $": {progress.ImagesDone}/{progress.ImagesTotal} images";
        if (progress.Message.Length > 0 && progress.Message != text) text += $" ({progress.Message})";
        return text;
    }

    /// <summary>One plain line: percentage, description and the estimate to completion when known.</summary>
    public static string Line(JobProgress progress)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{progress.Fraction * 100,5:F1}% {Describe(progress)}");
        return progress.HasEtaSeconds ? string.Create(CultureInfo.InvariantCulture, $"{line}, about {progress.EtaSeconds:F0} s left") : line;
    }
}
