using System.Globalization;
using System.Text;
using System.Text.Json;
using Iad.Client.Bench;
using Iad.Reports.Documents;
using Iad.Reports.Plots;

namespace Iad.Reports.Bench;

/// <summary>
/// Writes a sweep's outcome: <c>bench.md</c> and <c>bench.html</c> (the uniform table of image AUROC per setting with
/// forgetting and efficiency beside it, the pixel-AUROC table, how values were averaged, the runs behind every cell),
/// <c>bench.csv</c> (one line per cell: method, dataset, setting, seed and every figure), <c>bench.json</c> (sweep, table
/// and cells) and <c>accuracy_latency.png</c> (image AUROC in the efficiency setting vs latency, bubble = peak memory).
/// </summary>
public static class BenchReportWriter
{
    /// <summary>Columns of <c>bench.csv</c>.</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "method", "dataset", "setting", "seed", "image_auroc", "pixel_auroc", "image_fm", "latency_p50_ms", "latency_p95_ms",
        "throughput_images_per_second", "peak_host_bytes", "bank_rows", "fit_seconds", "runs",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the files into <paramref name="outDir"/> (created when missing); returns their full paths.</summary>
    public static IReadOnlyList<string> Write(BenchResult result, string outDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var dir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(dir);
        var table = result.Table();
        var files = new List<string>();
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        string Write(string name, string text)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllText(path, text, utf8);
            files.Add(path);
            return name;
        }

        var bubbles = table.Rows
            .Select((row, i) => (row, i))
            .Where(r => r.row.ImageAuroc[table.EfficiencySetting].Mean is not null && r.row.LatencyP50Ms.Mean is not null && r.row.PeakHostBytes > 0)
            .Select(r => new AccuracyLatencyChart.Point(r.row.Method, r.i, r.row.LatencyP50Ms.Mean!.Value, r.row.ImageAuroc[table.EfficiencySetting].Mean!.Value, r.row.PeakHostBytes))
            .ToList();
        var chart = bubbles.Count > 0 ? AccuracyLatencyChart.FileName : null;
        if (chart is not null)
        {
            var path = Path.Combine(dir, chart);
            AccuracyLatencyChart.Save(bubbles, path);
            files.Add(path);
        }

        var blocks = Blocks(result, table, chart);
        Write("bench.md", MarkdownRenderer.Render(blocks));
        Write("bench.html", HtmlRenderer.Render(blocks));
        Write("bench.csv", Csv(result.Cells));
        Write("bench.json", JsonSerializer.Serialize(new { benchRunId = result.BenchRunId, sweep = result.Sweep, table, cells = result.Cells }, Json));
        return files;
    }

    /// <summary>The document blocks of the Markdown and HTML files.</summary>
    public static IReadOnlyList<DocumentBlock> Blocks(BenchResult result, BenchTable table, string? chart)
    {
        var continual = table.ForgettingSettings;
        var columns = new List<string> { "method" };
        columns.AddRange(table.Settings);
        columns.AddRange(continual.Select(s => $"FM ({s})"));
        columns.AddRange(["latency p50 (ms)", "throughput (img/s)", "peak memory", "fit (s)", "bank rows"]);
        var accuracy = table.Rows.Select(row =>
        {
            var cells = new List<string> { row.Method };
            cells.AddRange(table.Settings.Select(s => row.ImageAuroc[s].Format()));
            cells.AddRange(continual.Select(s => row.ImageForgetting[s].Format()));
            cells.AddRange([row.LatencyP50Ms.Format("F2"), row.ThroughputImagesPerSecond.Format("F1"), CellFormat.Bytes(row.PeakHostBytes),
                row.FitSeconds.Format("F1"), CellFormat.Count(row.BankRows)]);
            return (IReadOnlyList<string>)cells;
        }).ToList();
        var pixel = table.Rows.Select(row =>
        {
            var cells = new List<string> { row.Method };
            cells.AddRange(table.Settings.Select(s => row.PixelAuroc[s].Format()));
            return (IReadOnlyList<string>)cells;
        }).ToList();

        var blocks = new List<DocumentBlock>
        {
            new Heading(1, table.Title),
            new Paragraph($"Bench run {result.BenchRunId}: {table.Rows.Count} methods × {table.Settings.Count} settings × " +
                          $"datasets [{string.Join(", ", table.Datasets)}] × seeds [{string.Join(", ", table.Seeds)}], " +
                          $"input {result.Sweep.ImageSize} px."),
            new Heading(2, "Image AUROC (uniform table)"),
            new Table(columns, accuracy),
            new Paragraph("Values are mean ± sample std over seeds of the suite mean (unweighted over datasets, each the unweighted mean " +
                          "over its categories). A non-continual setting trains one model per category; a continual setting learns the " +
                          "categories in order with one model and reports its final accuracy over all of them and the mean forgetting FM. " +
                          $"Efficiency columns come from the '{table.EfficiencySetting}' runs: per-image server latency at a window of " +
                          $"{result.Sweep.Window}, evaluation throughput, the detection service's peak resident memory, fit time per " +
                          "experiment and memory-bank rows. N/A marks a metric the data cannot define."),
            new Heading(2, "Pixel AUROC"),
            new Table(["method", .. table.Settings], pixel),
        };
        if (chart is not null) blocks.Add(new Figure(chart, $"Image AUROC ({table.EfficiencySetting}) vs median latency; bubble area = peak memory."));
        blocks.Add(new Heading(2, "Cells"));
        blocks.Add(new Table(["method", "dataset", "setting", "seed", "image AUROC", "pixel AUROC", "runs"],
            [.. result.Cells.Select(c => (IReadOnlyList<string>)
            [
                c.Method, c.Dataset, c.Setting, c.Seed.ToString(CultureInfo.InvariantCulture),
                Optional(c.Figures.ImageAuroc), Optional(c.Figures.PixelAuroc), string.Join(" ", c.RunIds),
            ])]));
        return blocks;
    }

    private static string Csv(IReadOnlyList<BenchCellResult> cells)
    {
        var text = new StringBuilder().AppendLine(string.Join(",", CsvColumns));
        foreach (var c in cells)
        {
            var f = c.Figures;
            string[] values =
            [
                Quote(c.Method), Quote(c.Dataset), Quote(c.Setting), c.Seed.ToString(CultureInfo.InvariantCulture), Number(f.ImageAuroc), Number(f.PixelAuroc),
                Number(f.ImageForgetting), Number(f.LatencyP50Ms), Number(f.LatencyP95Ms), Number(f.ThroughputImagesPerSecond),
                f.PeakHostBytes.ToString(CultureInfo.InvariantCulture), f.BankRows.ToString(CultureInfo.InvariantCulture), Number(f.FitSeconds),
                Quote(string.Join(" ", c.RunIds)),
            ];
            text.AppendLine(string.Join(",", values));
        }
        return text.ToString();
    }

    private static string Optional(double? value) => value is { } v ? CellFormat.Metric(v) : "N/A";

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
