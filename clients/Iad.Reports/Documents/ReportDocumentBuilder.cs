using System.Globalization;
using Iad.Reports.Model;
using Iad.Reports.Overlays;
using Iad.Reports.Plots;

namespace Iad.Reports.Documents;

/// <summary>
/// Lays out a report as document blocks: title and run line, description, summary table (per method: backbone, tasks,
/// final mean I-AUROC and P-AUROC, FM on I-AUROC, latency p50/p95, throughput, peak memory, bank rows, fit time), the
/// accuracy–latency and forgetting charts, then one section per method (accuracy matrix tables with their FM and final
/// mean and heat-maps, efficiency details, curves, overlays) and finally the notes. A figure appears only when its file
/// name is in the set of files written; a method without matrices, efficiency, curves or overlays omits that part.
/// </summary>
public static class ReportDocumentBuilder
{
    /// <summary>Columns of the summary table.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns =
    [
        "Method", "Backbone", "Tasks", "Final I-AUROC", "Final P-AUROC", "FM (I-AUROC)", "Latency p50 (ms)",
        "Latency p95 (ms)", "Throughput (img/s)", "Peak memory", "Bank rows", "Fit time",
    ];

    /// <summary>The blocks of the report; <paramref name="writtenFigures"/> holds the PNG file names that exist.</summary>
    public static IReadOnlyList<DocumentBlock> Build(ExperimentReport report, MethodKeys keys, IReadOnlySet<string> writtenFigures)
    {
        var blocks = new List<DocumentBlock>
        {
            new Heading(1, report.Title),
            new Paragraph($"Run {report.RunId}, created {report.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}."),
        };
        if (!string.IsNullOrWhiteSpace(report.Description)) blocks.Add(new Paragraph(report.Description));

        blocks.Add(new Heading(2, "Summary"));
        if (report.Methods.Count == 0) blocks.Add(new Paragraph("No method results."));
        else blocks.Add(new Table(SummaryColumns, SummaryRows(report, keys)));
        AddFigure(blocks, writtenFigures, AccuracyLatencyChart.FileName,
            "Final mean image AUROC vs median latency per image; bubble area proportional to peak memory.");
        AddFigure(blocks, writtenFigures, ForgettingChart.FileName, "Forgetting Measure per method and metric.");

        for (var i = 0; i < report.Methods.Count; i++) AddMethod(blocks, report.Methods[i], keys.Key(i), keys.Label(i), writtenFigures);

        if (report.Notes.Count > 0)
        {
            blocks.Add(new Heading(2, "Notes"));
            foreach (var note in report.Notes)
            {
                blocks.Add(new Heading(3, note.Heading));
                blocks.Add(new Paragraph(note.Text));
            }
        }
        return blocks;
    }

    /// <summary>
    /// The rows of one accuracy matrix table: header "After \ on" then the task names; row k starts with task k's name,
    /// then T[k, j] with three decimals, "–" for NaN.
    /// </summary>
    public static Table MatrixTable(IReadOnlyList<string> taskNames, double[,] matrix)
    {
        var columns = new List<string> { "After \\ on" };
        columns.AddRange(taskNames);
        var rows = new List<IReadOnlyList<string>>(taskNames.Count);
        for (var k = 0; k < taskNames.Count; k++)
        {
            var row = new List<string>(taskNames.Count + 1) { taskNames[k] };
            for (var j = 0; j < taskNames.Count; j++) row.Add(CellFormat.Metric(matrix[k, j]));
            rows.Add(row);
        }
        return new Table(columns, rows);
    }

    private static List<IReadOnlyList<string>> SummaryRows(ExperimentReport report, MethodKeys keys)
    {
        var rows = new List<IReadOnlyList<string>>(report.Methods.Count);
        for (var i = 0; i < report.Methods.Count; i++)
        {
            var m = report.Methods[i];
            var e = m.Efficiency;
            rows.Add(
            [
                keys.Label(i), m.Backbone, m.TaskNames.Count.ToString(CultureInfo.InvariantCulture),
                CellFormat.Metric(Lookup(m.FinalMeanAccuracy, MetricNames.ImageAuroc)),
                CellFormat.Metric(Lookup(m.FinalMeanAccuracy, MetricNames.PixelAuroc)),
                CellFormat.Metric(Lookup(m.ForgettingMeasure, MetricNames.ImageAuroc)),
                e is null ? CellFormat.Missing : CellFormat.Milliseconds(e.LatencyP50Ms),
                e is null ? CellFormat.Missing : CellFormat.Milliseconds(e.LatencyP95Ms),
                e is null ? CellFormat.Missing : CellFormat.Throughput(e.ThroughputImagesPerSecond),
                e is null ? CellFormat.Missing : CellFormat.Bytes(e.PeakMemoryBytes),
                e is null ? CellFormat.Missing : CellFormat.Count(e.BankRows),
                e is null ? CellFormat.Missing : CellFormat.Seconds(e.FitSeconds),
            ]);
        }
        return rows;
    }

    private static void AddMethod(List<DocumentBlock> blocks, MethodResult m, string key, string label, IReadOnlySet<string> written)
    {
        blocks.Add(new Heading(2, label));
        blocks.Add(new Paragraph($"Backbone {m.Backbone}; {m.TaskNames.Count} task(s): {string.Join(", ", m.TaskNames)}."));

        if (m.AccuracyMatrices.Count > 0)
        {
            blocks.Add(new Heading(3, "Accuracy matrices"));
            blocks.Add(new Paragraph("Row k: after training task k; column j: evaluated on task j."));
            foreach (var (metric, matrix) in m.AccuracyMatrices)
            {
                blocks.Add(new Paragraph(
                    $"{metric}: final mean {CellFormat.Metric(Lookup(m.FinalMeanAccuracy, metric))}, " +
                    $"mean forgetting {CellFormat.Metric(Lookup(m.ForgettingMeasure, metric))}."));
                blocks.Add(MatrixTable(m.TaskNames, matrix));
                AddFigure(blocks, written, AccuracyMatrixChart.FileName(key, metric), $"{label}: {metric} accuracy matrix.");
            }
        }

        if (m.Efficiency is { } e)
        {
            blocks.Add(new Heading(3, "Efficiency"));
            blocks.Add(new Table(["Quantity", "Value"],
            [
                ["Latency p50 (ms)", CellFormat.Milliseconds(e.LatencyP50Ms)],
                ["Latency p95 (ms)", CellFormat.Milliseconds(e.LatencyP95Ms)],
                ["Latency p99 (ms)", CellFormat.Milliseconds(e.LatencyP99Ms)],
                ["Throughput (img/s)", CellFormat.Throughput(e.ThroughputImagesPerSecond)],
                ["Peak memory", CellFormat.Bytes(e.PeakMemoryBytes)],
                ["Model size", CellFormat.Bytes(e.ModelBytes)],
                ["Bank rows", CellFormat.Count(e.BankRows)],
                ["Fit time", CellFormat.Seconds(e.FitSeconds)],
            ]));
        }

        if (written.Contains(CurvesChart.FileName(key)))
        {
            blocks.Add(new Heading(3, "Curves of the final model"));
            AddFigure(blocks, written, CurvesChart.FileName(key), $"{label}: ROC, precision-recall and PRO per task.");
        }

        if (written.Contains(OverlayGridChart.FileName(key)))
        {
            var groups = OverlayGrouping.Group(m.Overlays);
            blocks.Add(new Heading(3, "Anomaly-map overlays"));
            blocks.Add(new Paragraph(
                $"{groups[(int)OverlayGroup.Good].Count} good, {groups[(int)OverlayGroup.Detected].Count} detected, " +
                $"{groups[(int)OverlayGroup.Missed].Count} missed. Frames are green when the decision (score >= threshold) " +
                "matches the label, red otherwise; white contours outline the ground-truth mask."));
            AddFigure(blocks, written, OverlayGridChart.FileName(key), $"{label}: anomaly maps over test images.");
        }
    }

    private static void AddFigure(List<DocumentBlock> blocks, IReadOnlySet<string> written, string fileName, string caption)
    {
        if (written.Contains(fileName)) blocks.Add(new Figure(fileName, caption));
    }

    private static double Lookup(IReadOnlyDictionary<string, double> values, string metric) =>
        values.TryGetValue(metric, out var v) ? v : double.NaN;
}
