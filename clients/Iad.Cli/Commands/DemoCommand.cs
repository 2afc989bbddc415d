using System.CommandLine;
using System.Diagnostics;
using Iad.Cli.Commands.Experiments;
using Iad.Cli.Local;
using Iad.Client;
using Iad.Client.Experiments;
using Iad.Contracts.V1;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary>
/// <c>iad demo</c>, the main job on embedded defaults: starts the services when none run (and stops what it started),
/// generates a synthetic dataset through the dataset service, runs the continual sequence of its categories with
/// PatchCore and with PaDiM, and writes the report.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the report", DefaultValueFactory = _ => new DirectoryInfo("iad-demo") };
        var categories = new Option<int>("--categories") { Description = "Synthetic categories = continual tasks (≥ 2)", DefaultValueFactory = _ => 3 };
        var size = new Option<int>("--image-size") { Description = "Image and input side in pixels (multiple of 16)", DefaultValueFactory = _ => 256 };
        var seed = new Option<int>("--seed") { Description = "Seed of the data, the settings and every fit", DefaultValueFactory = _ => 0 };
        var command = new Command("demo", "Synthetic data → continual PatchCore and PaDiM through all four services → report") { output, categories, size, seed };
        command.SetAction((parse, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var home = parse.GetValue(CommonOptions.Home)!;
            var outDir = parse.GetValue(output)!.FullName;
            var watch = Stopwatch.StartNew();
            var launcher = new LocalServiceLauncher(home, Console.Out);
            LocalServicesState? started = null;
            var state = launcher.Running();
            if (state is null)
            {
                started = state = launcher.Start([Path.GetTempPath()]);
                await launcher.WaitHealthyAsync(state, TimeSpan.FromSeconds(120), cancellationToken);
            }
            try
            {
                var options = IadClientOptions.FromLocalServices(state);
                options.DefaultDeadline = TimeSpan.FromMinutes(5);
                using var client = new IadClient(options);
                return await RunAsync(client, parse.GetValue(categories), parse.GetValue(size), parse.GetValue(seed), outDir, watch, cancellationToken);
            }
            finally
            {
                if (started is not null)
                {
                    Console.WriteLine("stopping the services the demo started");
                    await launcher.StopAsync(started);
                }
            }
        }));
        return command;
    }

    private static async Task<int> RunAsync(IadClient client, int categories, int size, int seed, string outDir, Stopwatch watch, CancellationToken cancellationToken)
    {
        if (categories < 2) throw new ArgumentException($"--categories {categories}: a continual sequence needs at least 2 tasks.");
        var name = $"demo-synthetic-{seed}-{size}-{categories}";
        Console.WriteLine($"generating synthetic dataset '{name}' ({categories} categories, {size} px)");
        await client.Dataset.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest
        {
            Name = name, Categories = categories, Seed = seed, ImageSize = size,
        }, cancellationToken: cancellationToken);

        var runs = new List<(string Method, ContinualResult Result)>();
        foreach (var method in new[] { "patchcore", "padim" })
        {
            var plan = new ContinualPlan { Dataset = name, Method = method, Seed = seed, ImageSize = size };
            var result = await ExperimentConsole.RunAsync(progress => new ContinualRunner(client).RunAsync(plan, progress, cancellationToken));
            ContinualResultTable.Print(method, result);
            runs.Add((method, result));
        }

        var files = await ReportCommand.WriteAsync(client, [.. runs.Select(r => r.Result.RunId)], outDir, "IAD demo: continual learning on synthetic data", cancellationToken);
        var summary = new Table().Title("demo summary").AddColumns("method", "run", "final image AUROC", "image FM", "final pixel AUROC", "pixel FM");
        foreach (var (method, result) in runs)
        {
            var image = result.Summaries["image_auroc"];
            var pixel = result.Summaries["pixel_auroc"];
            summary.AddRow(method, result.RunId,
                ContinualResultTable.Format(image.HasFinalAccuracy ? image.FinalAccuracy : null), ContinualResultTable.Format(image.HasMeanForgetting ? image.MeanForgetting : null),
                ContinualResultTable.Format(pixel.HasFinalAccuracy ? pixel.FinalAccuracy : null), ContinualResultTable.Format(pixel.HasMeanForgetting ? pixel.MeanForgetting : null));
        }
        AnsiConsole.Write(summary);
        Console.WriteLine($"report: {Path.Combine(outDir, "report.html")} ({files.Count} files) after {watch.Elapsed.TotalSeconds:F0} s");
        return 0;
    }
}
