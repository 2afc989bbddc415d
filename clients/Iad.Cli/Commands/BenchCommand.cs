using System.CommandLine;
using Iad.Cli.Commands.Experiments;
using Iad.Client.Bench;
using Iad.Reports.Bench;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary>
/// <c>iad bench [FILE]</c>: a sweep over methods × settings × datasets × seeds, printed as the IM-IAD uniform table and
/// written as Markdown, HTML, CSV, JSON and a bubble chart; <c>--resume BENCH_ID</c> continues a stopped sweep.
/// </summary>
internal static class BenchCommand
{
    private const string DefaultSweepResource = "Iad.Cli.Commands.Bench.default-sweep.yaml";

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("sweep") { Description = "Sweep file (YAML or JSON); default: the embedded synthetic sweep", Arity = ArgumentArity.ZeroOrOne };
        var resume = new Option<string?>("--resume") { Description = "Continue the stopped bench BENCH_ID; stored cells are not recomputed" };
        var seeds = new Option<int[]>("--seeds") { Description = "Replace the sweep's seeds, e.g. --seeds 0 1", AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for bench.md/html/csv/json and the chart", DefaultValueFactory = _ => new DirectoryInfo("iad-bench") };
        var command = new Command("bench", "Sweep methods × settings × datasets × seeds; the uniform accuracy table with efficiency") { file, resume, seeds, output };
        command.SetAction((parse, cancellationToken) => Guarded.RunAsync(async () =>
        {
            var runId = parse.GetValue(resume);
            if (runId is not null && (parse.GetValue(file) is not null || parse.GetValue(seeds) is { Length: > 0 }))
                throw new ArgumentException("--resume continues a stored sweep; give no sweep file or --seeds with it.");
            var sweep = runId is null ? Sweep(parse.GetValue(file), parse.GetValue(seeds)) : null;
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            var runner = new BenchRunner(client);
            var result = await ExperimentConsole.RunAsync(progress => sweep is not null
                ? runner.RunAsync(sweep, progress, cancellationToken)
                : runner.ResumeAsync(runId!, progress, cancellationToken));
            Print(result.Table());
            var files = BenchReportWriter.Write(result, parse.GetValue(output)!.FullName);
            Console.WriteLine($"bench {result.BenchRunId}: wrote {files.Count} files; open {files.First(f => f.EndsWith(".html", StringComparison.Ordinal))}");
            return 0;
        }));
        return command;
    }

    /// <summary>The sweep of <paramref name="file"/> (or the embedded default), with <paramref name="seeds"/> replacing its seeds.</summary>
    public static BenchSweep Sweep(FileInfo? file, int[]? seeds)
    {
        string text;
        if (file is null)
        {
            using var stream = typeof(BenchCommand).Assembly.GetManifestResourceStream(DefaultSweepResource)
                ?? throw new InvalidOperationException($"The embedded sweep {DefaultSweepResource} is missing from the build.");
            text = new StreamReader(stream).ReadToEnd();
        }
        else
        {
            if (!file.Exists) throw new ArgumentException($"Sweep file '{file.FullName}' does not exist.");
            text = File.ReadAllText(file.FullName);
        }
        var sweep = BenchSweepReader.Parse(text);
        return seeds is { Length: > 0 } ? (sweep with { Seeds = seeds }).Validated() : sweep;
    }

    private static void Print(BenchTable table)
    {
        // A redirected console reports 80 columns, which would fold a table of a dozen columns into unreadable cells.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
        var grid = new Table().Title(Markup.Escape($"{table.Title}: image AUROC, mean ± std over seeds [{string.Join(", ", table.Seeds)}]")).AddColumn("method");
        foreach (var setting in table.Settings) grid.AddColumn(Markup.Escape(setting));
        var continual = table.ForgettingSettings;
        foreach (var setting in continual) grid.AddColumn(Markup.Escape($"FM ({setting})"));
        grid.AddColumns("p50 (ms)", "img/s", "peak MiB", "fit (s)", "bank rows");
        foreach (var row in table.Rows)
        {
            var cells = new List<string> { row.Method };
            cells.AddRange(table.Settings.Select(s => row.ImageAuroc[s].Format()));
            cells.AddRange(continual.Select(s => row.ImageForgetting[s].Format()));
            cells.AddRange([row.LatencyP50Ms.Format("F1"), row.ThroughputImagesPerSecond.Format("F1"), $"{row.PeakHostBytes / 1048576.0:F0}",
                row.FitSeconds.Format("F1"), row.BankRows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)]);
            grid.AddRow([.. cells.Select(c => Markup.Escape(c))]);
        }
        AnsiConsole.Write(grid);
        Console.WriteLine($"efficiency from the '{table.EfficiencySetting}' runs; averages: category → dataset → suite, unweighted; N/A = not defined by the data");
    }
}
