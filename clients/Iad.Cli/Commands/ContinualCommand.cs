using System.CommandLine;
using System.Text.Json;
using Iad.Cli.Commands.Experiments;
using Iad.Client.Experiments;

namespace Iad.Cli.Commands;

/// <summary><c>iad continual</c>: a continual task sequence through the services, checkpointed per cell and resumable.</summary>
internal static class ContinualCommand
{
    public static Command Create()
    {
        var options = new ExperimentOptions();
        var tasks = new Option<string[]>("--tasks") { Description = "Categories in learning order (default: the dataset's order)", AllowMultipleArgumentsPerToken = true };
        var resume = new Option<string?>("--resume") { Description = "Continue the stopped run RUN_ID; stored cells are not recomputed" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("continual", "Learn categories one after another, evaluating every earlier task after each (T[k, j], FM)") { tasks, resume, json };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => Guarded.RunAsync(async () =>
        {
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            var runner = new ContinualRunner(client);
            var runId = parse.GetValue(resume);
            var plan = runId is null ? options.Plan(parse, [.. (parse.GetValue(tasks) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries))]) : null;
            var result = await ExperimentConsole.RunAsync(progress => runId is null
                ? runner.RunAsync(plan!, progress, cancellationToken)
                : runner.ResumeAsync(runId, progress, cancellationToken));
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    result.RunId,
                    result.Tasks,
                    result.ModelIds,
                    result.CellsComputed,
                    Summaries = result.Summaries.ToDictionary(s => s.Key, s => new
                    {
                        // Cells above the diagonal (tasks not yet learned) are NaN, which JSON cannot hold: null instead.
                        Matrix = s.Value.Matrix.Select(Finite),
                        Forgetting = s.Value.Forgetting.Select(Finite),
                        MeanForgetting = s.Value.HasMeanForgetting ? s.Value.MeanForgetting : (double?)null,
                        FinalAccuracy = s.Value.HasFinalAccuracy ? s.Value.FinalAccuracy : (double?)null,
                    }),
                }));
            else
                ContinualResultTable.Print(plan?.Method ?? "resumed", result);
            return 0;
        }));
        return command;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
