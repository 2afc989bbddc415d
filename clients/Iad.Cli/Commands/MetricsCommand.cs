using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iad.Evaluation.IO;
using Iad.Evaluation.Reports;
using Iad.Imaging.Decoding;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary>
/// <c>iad metrics</c>: evaluates predictions made by any tool (scores CSV, optional .npy maps and PNG masks, optional
/// multi-view samples CSV) with the same library as the metrics service, locally.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create()
    {
        var scores = new Option<FileInfo>("--scores") { Description = "CSV with header id,label,score (label 0/1)", Required = true };
        var maps = new Option<DirectoryInfo?>("--maps") { Description = "Folder of <id>.npy float32 HxW anomaly maps" };
        var masks = new Option<DirectoryInfo?>("--masks") { Description = "Folder of <id>.png ground-truth masks (non-zero = defect)" };
        var samples = new Option<FileInfo?>("--samples") { Description = "CSV with header id,sample_id grouping views into samples" };
        var fprLimit = new Option<double>("--pro-fpr-limit") { Description = "FPR limit of AUPRO", DefaultValueFactory = _ => 0.3 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("metrics", "Compute every metric over predictions from any tool") { scores, maps, masks, samples, fprLimit, json };
        command.SetAction(parse =>
        {
            var mapDirectory = parse.GetValue(maps);
            var maskDirectory = parse.GetValue(masks);
            if ((mapDirectory is null) != (maskDirectory is null))
            {
                Console.Error.WriteLine("--maps and --masks go together");
                return 2;
            }
            var report = Evaluate(parse.GetValue(scores)!, mapDirectory, maskDirectory, parse.GetValue(samples), parse.GetValue(fprLimit));
            if (parse.GetValue(json)) Console.WriteLine(ToJson(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            else PrintTable(report);
            return 0;
        });
        return command;
    }

    internal static EvaluationReport Evaluate(FileInfo scoresFile, DirectoryInfo? maps, DirectoryInfo? masks, FileInfo? samplesFile, double fprLimit)
    {
        var table = ScoreCsvReader.Read(scoresFile.FullName);
        var sampleIds = samplesFile is null ? null : SampleCsvReader.SampleIdsFor(table.Ids, SampleCsvReader.Read(samplesFile.FullName));
        var session = new EvaluationSession(new EvaluationSettings(ProFprLimit: fprLimit, ExpectedImages: table.Ids.Length));
        for (var i = 0; i < table.Ids.Length; i++)
        {
            var id = table.Ids[i];
            if (maps is null)
            {
                session.Add(id, sampleIds?[i], table.Labels[i], table.Scores[i], [], [], 0);
                continue;
            }
            var map = NpyReader.Read(Path.Combine(maps.FullName, id + ".npy"));
            var mask = ReadMask(Path.Combine(masks!.FullName, id + ".png"), map.Rows, map.Columns, table.Labels[i], id);
            session.Add(id, sampleIds?[i], table.Labels[i], table.Scores[i], map.Values, mask, map.Columns);
        }
        return session.Compute();
    }

    private static byte[] ReadMask(string path, int rows, int columns, int label, string id)
    {
        if (!File.Exists(path))
        {
            if (label == 1) throw new FileNotFoundException($"anomalous image '{id}' has a map but no mask at {path}");
            return new byte[rows * columns];
        }
        var mask = ImageDecoder.DecodeMask(File.ReadAllBytes(path));
        if (mask.Width != columns || mask.Height != rows)
            throw new InvalidDataException($"mask {path} is {mask.Width}x{mask.Height}, map is {columns}x{rows}");
        return mask.Pixels;
    }

    private static JsonObject ToJson(EvaluationReport report)
    {
        var metrics = new JsonObject();
        var unavailable = new JsonObject();
        foreach (var metric in report.Metrics)
        {
            metrics[metric.Name] = metric.Value;
            if (metric.UnavailableReason is { } reason) unavailable[metric.Name] = reason;
        }
        var counts = new JsonObject();
        foreach (var (name, count) in report.Counts) counts[name] = count;
        return new JsonObject
        {
            ["metrics"] = metrics,
            ["unavailable"] = unavailable,
            ["counts"] = counts,
            ["pixel_mode"] = report.PixelMode?.ToString().ToLowerInvariant(),
        };
    }

    private static void PrintTable(EvaluationReport report)
    {
        var table = new Table().AddColumns("metric", "value", "note");
        foreach (var metric in report.Metrics)
            table.AddRow(metric.Name, metric.Value is { } v ? v.ToString("F6") : "n/a", Markup.Escape(metric.UnavailableReason ?? ""));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(string.Join(", ", report.Counts.Select(c => $"{c.Key} {c.Value}")));
    }
}
