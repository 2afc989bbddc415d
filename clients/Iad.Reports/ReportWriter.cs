using System.Text;
using Iad.Reports.Documents;
using Iad.Reports.Model;
using Iad.Reports.Overlays;
using Iad.Reports.Plots;

namespace Iad.Reports;

/// <summary>
/// Renders an <see cref="ExperimentReport"/> into a folder: <c>report.md</c>, a self-contained <c>report.html</c> and
/// the PNG plots they reference by relative name.
/// </summary>
/// <remarks>
/// <para>Files (sizes in <see cref="PlotSizes"/> and <see cref="OverlayGridLayout"/>), each written only when it has data:</para>
/// <list type="bullet">
/// <item><c>accuracy_latency.png</c>: <see cref="AccuracyLatencyChart"/>, methods with latency, I-AUROC and peak memory.</item>
/// <item><c>forgetting.png</c>: <see cref="ForgettingChart"/>, when any method has a finite FM (never for one-task runs).</item>
/// <item><c>matrix_&lt;method&gt;_&lt;metric&gt;.png</c>: <see cref="AccuracyMatrixChart"/>, one per method and metric.</item>
/// <item><c>curves_&lt;method&gt;.png</c>: <see cref="CurvesChart"/>, when the method has any curve.</item>
/// <item><c>overlays_&lt;method&gt;.png</c>: <see cref="OverlayGridChart"/>, when the method has overlays.</item>
/// </list>
/// <para>The input is validated first (<see cref="ReportValidation"/>): invalid data throw
/// <see cref="ReportDataException"/> before any file is written. Files of the same name are overwritten; other files
/// in the folder are left alone. NaN values are shown as "–".</para>
/// <example>
/// A one-method, two-task report:
/// <code>
/// var nan = double.NaN;
/// var method = new MethodResult(
///     Method: "patchcore", Backbone: "wide_resnet50_2", TaskNames: ["bottle", "cable"],
///     AccuracyMatrices: new Dictionary&lt;string, double[,]&gt; { ["I-AUROC"] = new[,] { { 0.99, nan }, { 0.97, 0.95 } } },
///     ForgettingMeasure: new Dictionary&lt;string, double&gt; { ["I-AUROC"] = 0.02 },
///     FinalMeanAccuracy: new Dictionary&lt;string, double&gt; { ["I-AUROC"] = 0.96 },
///     Efficiency: new EfficiencySummary(LatencyP50Ms: 41.5, LatencyP95Ms: 48.0, LatencyP99Ms: 55.2,
///         ThroughputImagesPerSecond: 23.8, PeakMemoryBytes: 1_200_000_000, ModelBytes: 180_000_000,
///         BankRows: 16_384, FitSeconds: 95.0),
///     Curves: [], Overlays: []);
/// var report = new ExperimentReport("Continual MVTec AD", "run-42", DateTime.UtcNow, "PatchCore with a shared bank.",
///     [method], [new Note("Hardware", "2 CPU cores, no GPU.")]);
/// IReadOnlyList&lt;string&gt; files = ReportWriter.Write(report, "out/report");
/// // files: accuracy_latency.png, forgetting.png, matrix_patchcore_i-auroc.png, report.md, report.html (full paths)
/// </code>
/// </example>
/// </remarks>
public static class ReportWriter
{
    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFileName = "report.md";

    /// <summary>File name of the HTML report.</summary>
    public const string HtmlFileName = "report.html";

    /// <summary>
    /// Writes the report into <paramref name="outDir"/> (created when missing) and returns the full paths of the files
    /// written: <c>accuracy_latency.png</c>, <c>forgetting.png</c>, then per method its matrices (in metric order),
    /// curves and overlays, then <c>report.md</c> and <c>report.html</c>.
    /// </summary>
    public static IReadOnlyList<string> Write(ExperimentReport report, string outDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ReportValidation.Validate(report);
        var keys = MethodKeys.Assign(report.Methods);
        var dir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(dir);

        var figures = new List<string>();
        string Target(string fileName)
        {
            figures.Add(fileName);
            return Path.Combine(dir, fileName);
        }

        var bubbles = AccuracyLatencyChart.Points(report, keys);
        if (bubbles.Count > 0) AccuracyLatencyChart.Save(bubbles, Target(AccuracyLatencyChart.FileName));
        var fmMetrics = ForgettingChart.Metrics(report);
        if (fmMetrics.Count > 0) ForgettingChart.Save(report, keys, fmMetrics, Target(ForgettingChart.FileName));
        for (var i = 0; i < report.Methods.Count; i++)
        {
            var m = report.Methods[i];
            foreach (var (metric, matrix) in m.AccuracyMatrices)
                AccuracyMatrixChart.Save($"{keys.Label(i)}: {metric}", m.TaskNames, matrix, Target(AccuracyMatrixChart.FileName(keys.Key(i), metric)));
            if (CurvesChart.HasAny(m.Curves)) CurvesChart.Save(keys.Label(i), m.Curves, Target(CurvesChart.FileName(keys.Key(i))));
            if (m.Overlays.Count > 0) OverlayGridChart.Save(m.Overlays, Target(OverlayGridChart.FileName(keys.Key(i))));
        }

        var blocks = ReportDocumentBuilder.Build(report, keys, new HashSet<string>(figures, StringComparer.Ordinal));
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var markdown = Path.Combine(dir, MarkdownFileName);
        File.WriteAllText(markdown, MarkdownRenderer.Render(blocks), utf8);
        var html = Path.Combine(dir, HtmlFileName);
        File.WriteAllText(html, HtmlRenderer.Render(blocks), utf8);

        var written = new List<string>(figures.Count + 2);
        foreach (var f in figures) written.Add(Path.Combine(dir, f));
        written.Add(markdown);
        written.Add(html);
        return written;
    }
}
