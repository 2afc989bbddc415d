using Iad.Reports.Documents;
using Iad.Reports.Model;
using ScottPlot;

namespace Iad.Reports.Plots;

/// <summary>
/// Forgetting Measure per method (lower is better), <see cref="PlotSizes.ChartWidth"/>×<see cref="PlotSizes.ChartHeight"/>
/// px: one group of bars per method, one bar per metric with a finite FM (metrics in order of first appearance,
/// coloured consistently, with a legend), each bar labelled with its value. Negative FM (backward transfer) points down.
/// </summary>
public static class ForgettingChart
{
    /// <summary>File name of the chart.</summary>
    public const string FileName = "forgetting.png";

    /// <summary>Metric names with at least one finite FM, in order of first appearance; empty means no chart.</summary>
    public static IReadOnlyList<string> Metrics(ExperimentReport report)
    {
        var metrics = new List<string>();
        foreach (var m in report.Methods)
        foreach (var (metric, fm) in m.ForgettingMeasure)
            if (double.IsFinite(fm) && !metrics.Contains(metric)) metrics.Add(metric);
        return metrics;
    }

    /// <summary>Renders the chart for the methods of <paramref name="report"/> and <paramref name="metrics"/> (non-empty).</summary>
    public static void Save(ExperimentReport report, MethodKeys keys, IReadOnlyList<string> metrics, string path)
    {
        if (metrics.Count == 0) throw new ArgumentException("the chart needs at least one metric.", nameof(metrics));
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new double[report.Methods.Count];
        var tickLabels = new string[report.Methods.Count];
        var groupWidth = metrics.Count + 1;
        for (var i = 0; i < report.Methods.Count; i++)
        {
            var m = report.Methods[i];
            for (var k = 0; k < metrics.Count; k++)
            {
                if (!m.ForgettingMeasure.TryGetValue(metrics[k], out var fm) || !double.IsFinite(fm)) continue;
                bars.Add(new Bar
                {
                    Position = i * groupWidth + k,
                    Value = fm,
                    FillColor = ReportPalette.Series(k),
                    ValueLabel = CellFormat.Metric(fm),
                });
            }
            ticks[i] = i * groupWidth + (metrics.Count - 1) / 2.0;
            tickLabels[i] = keys.Label(i);
        }
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 12;
        for (var k = 0; k < metrics.Count; k++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = metrics[k], FillColor = ReportPalette.Series(k) });
        // Outside the data area, so the legend never hides a bar or its value label.
        plot.ShowLegend(Edge.Right);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, tickLabels);
        plot.Axes.Margins(0.05, 0.15);
        // Every group gets room for all metrics, so a method's label stays centred under its group even when bars are absent.
        plot.Axes.SetLimitsX(-0.7, (report.Methods.Count - 1) * groupWidth + metrics.Count - 0.3);
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Title("Forgetting Measure after the last task (lower is better)");
        plot.YLabel("FM");
        plot.SavePng(path, PlotSizes.ChartWidth, PlotSizes.ChartHeight);
    }
}
