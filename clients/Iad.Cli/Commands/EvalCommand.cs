using System.CommandLine;
using Iad.Cli.Commands.Experiments;
using Iad.Client.Experiments;
using Iad.Contracts.V1;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary><c>iad eval</c>: train on one category's normal images and evaluate on its test split (one stored run).</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var options = new ExperimentOptions();
        var category = new Option<string>("--category") { Description = "Category to train and test on", Required = true };
        var command = new Command("eval", "Train and evaluate one method on one category; metrics and efficiency are stored as a run") { category };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => Guarded.RunAsync(async () =>
        {
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            var plan = options.Plan(parse, [parse.GetValue(category)!]);
            var result = await ExperimentConsole.RunAsync(progress => new ContinualRunner(client).RunAsync(plan, progress, cancellationToken));
            var run = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = result.RunId }, cancellationToken: cancellationToken)).Run;
            var row = run.Rows.Single();
            var table = new Table().Title(Markup.Escape($"{plan.Method} on {plan.Dataset}/{result.Tasks[0]} (run {run.RunId})")).AddColumns("metric", "value");
            foreach (var metric in row.Metrics)
                table.AddRow(metric.Name, metric.HasValue ? ContinualResultTable.Format(metric.Value) : Markup.Escape($"– ({metric.UnavailableReason})"));
            var e = row.Efficiency;
            table.AddRow("latency p50 / p95 / p99 (ms)", $"{e.LatencyP50Ms:F1} / {e.LatencyP95Ms:F1} / {e.LatencyP99Ms:F1}");
            table.AddRow("throughput (images/s)", $"{e.ThroughputImagesPerSecond:F1}");
            table.AddRow("peak memory (MiB)", $"{e.PeakHostBytes / 1048576.0:F0}");
            table.AddRow("bank rows / fit (s)", $"{e.BankRows} / {e.FitSeconds:F1}");
            table.AddRow("provider / model", Markup.Escape($"{e.Provider} / {row.ModelId}"));
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
