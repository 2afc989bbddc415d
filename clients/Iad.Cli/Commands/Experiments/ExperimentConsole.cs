using Iad.Client.Experiments;
using Spectre.Console;

namespace Iad.Cli.Commands.Experiments;

/// <summary>
/// Shows experiment progress: milestones (training started, a cell stored, the summary) as lines, and on a terminal a
/// live status line with the current image counts. Redirected output gets the milestone lines only.
/// </summary>
internal static class ExperimentConsole
{
    private static readonly HashSet<string> Milestones = ["run", "stored", "evaluated", "summary", "report"];

    public static async Task<T> RunAsync<T>(Func<IProgress<ExperimentEvent>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await work(new LineProgress(e => Console.WriteLine(e.Message), null));
        return await AnsiConsole.Status().StartAsync("starting", context =>
            work(new LineProgress(e => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] {e.Message}"),
                e => context.Status(Markup.Escape(e.Total > 0 ? $"{e.Message} ({e.Done}/{e.Total})" : e.Message)))));
    }

    private sealed class LineProgress(Action<ExperimentEvent> line, Action<ExperimentEvent>? status) : IProgress<ExperimentEvent>
    {
        public void Report(ExperimentEvent value)
        {
            var milestone = Milestones.Contains(value.Stage) || value is { Stage: "train", Done: 0, Total: 0 };
            if (milestone) line(value);
            status?.Invoke(value);
        }
    }
}
