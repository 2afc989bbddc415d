using System.CommandLine;
using Iad.Cli.Commands.Experiments;
using Iad.Reports;
using Iad.Reports.Collection;

namespace Iad.Cli.Commands;

/// <summary><c>iad report RUN_ID... --out DIR</c>: Markdown + HTML report with PNG plots for stored runs.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("run") { Description = "Run ids (one method section each)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the report to", DefaultValueFactory = _ => new DirectoryInfo("iad-report") };
        var title = new Option<string>("--title") { Description = "Report title", DefaultValueFactory = _ => "IAD experiment report" };
        var command = new Command("report", "Write report.md, report.html and PNG plots for stored runs") { runs, output, title };
        command.SetAction((parse, cancellationToken) => Guarded.RunAsync(async () =>
        {
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            var files = await WriteAsync(client, parse.GetValue(runs)!, parse.GetValue(output)!.FullName, parse.GetValue(title)!, cancellationToken);
            Console.WriteLine($"wrote {files.Count} files; open {files.First(f => f.EndsWith(".html", StringComparison.Ordinal))}");
            return 0;
        }));
        return command;
    }

    /// <summary>Collects the runs and writes the report; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(Iad.Client.IadClient client, IReadOnlyList<string> runIds, string outDir, string title,
        CancellationToken cancellationToken)
    {
        var report = await ExperimentConsole.RunAsync(progress => new RunReportCollector(client).CollectAsync(runIds, title, progress, cancellationToken));
        return ReportWriter.Write(report, outDir);
    }
}
