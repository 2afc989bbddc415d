using Iad.Reports.Model;
using ScottPlot;

namespace Iad.Reports.Plots;

/// <summary>
/// Accuracy vs latency bubble chart (IM-IAD Fig. 2), <see cref="PlotSizes.ChartWidth"/>×<see cref="PlotSizes.ChartHeight"/>
/// px: x = median latency per image (ms), y = final mean image AUROC (<see cref="MetricNames.ImageAuroc"/>), one
/// labelled bubble per method whose area is proportional to peak memory: diameter = 60 px · √(m / m_max), at least
/// 8 px. Methods without a finite latency, image AUROC or positive peak memory are left out.
/// </summary>
public static class AccuracyLatencyChart
{
    /// <summary>File name of the chart.</summary>
    public const string FileName = "accuracy_latency.png";

    private const float MaxDiameter = 60f;
    private const float MinDiameter = 8f;
    private const double MinLatencySpanMs = 1.0;
    private const double MinAccuracySpan = 0.02;

    /// <summary>One bubble: method label, latency (ms), accuracy and peak memory (bytes).</summary>
    public readonly record struct Point(string Label, int ColorIndex, double LatencyMs, double Accuracy, long PeakMemoryBytes);

    /// <summary>The bubbles the chart would show for <paramref name="report"/>, in method order; empty when none qualifies.</summary>
    public static IReadOnlyList<Point> Points(ExperimentReport report, MethodKeys keys)
    {
        var points = new List<Point>();
        for (var i = 0; i < report.Methods.Count; i++)
        {
            var m = report.Methods[i];
            if (m.Efficiency is not { } e || !double.IsFinite(e.LatencyP50Ms) || e.PeakMemoryBytes <= 0) continue;
            if (!m.FinalMeanAccuracy.TryGetValue(MetricNames.ImageAuroc, out var acc) || !double.IsFinite(acc)) continue;
            points.Add(new Point(keys.Label(i), i, e.LatencyP50Ms, acc, e.PeakMemoryBytes));
        }
        return points;
    }

    /// <summary>Bubble diameter in pixels for <paramref name="peakBytes"/> when the largest is <paramref name="maxBytes"/>.</summary>
    public static float Diameter(long peakBytes, long maxBytes) =>
        Math.Max(MinDiameter, MaxDiameter * (float)Math.Sqrt((double)peakBytes / maxBytes));

    /// <summary>Renders <paramref name="points"/> (at least one) to <paramref name="path"/>.</summary>
    public static void Save(IReadOnlyList<Point> points, string path)
    {
        if (points.Count == 0) throw new ArgumentException("the chart needs at least one point.", nameof(points));
        var plot = new Plot();
        var maxBytes = 0L;
        foreach (var p in points) maxBytes = Math.Max(maxBytes, p.PeakMemoryBytes);
        foreach (var p in points)
        {
            var color = ReportPalette.Series(p.ColorIndex);
            var marker = plot.Add.Marker(p.LatencyMs, p.Accuracy, MarkerShape.FilledCircle, Diameter(p.PeakMemoryBytes, maxBytes), color.WithAlpha(0.55));
            marker.MarkerLineColor = color;
            marker.MarkerLineWidth = 1.5f;
            var label = plot.Add.Text($"{p.Label} ({Documents.CellFormat.Bytes(p.PeakMemoryBytes)})", p.LatencyMs, p.Accuracy);
            label.LabelFontSize = 13;
            label.LabelFontColor = Colors.Black;
            label.Alignment = Alignment.LowerLeft;
            label.OffsetX = Diameter(p.PeakMemoryBytes, maxBytes) / 2 + 2;
            label.OffsetY = -2;
        }
        SetLimits(plot, points);
        plot.Title("Accuracy vs latency (bubble area proportional to peak memory)");
        plot.XLabel("Latency per image, p50 (ms)");
        plot.YLabel("Final mean image AUROC");
        plot.SavePng(path, PlotSizes.ChartWidth, PlotSizes.ChartHeight);
    }

    // Labels sit right of their bubbles and autoscaling ignores text, so the right side gets the most room; a single
    // method (zero span) still gets a readable window.
    private static void SetLimits(Plot plot, IReadOnlyList<Point> points)
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        foreach (var p in points)
        {
            xMin = Math.Min(xMin, p.LatencyMs);
            xMax = Math.Max(xMax, p.LatencyMs);
            yMin = Math.Min(yMin, p.Accuracy);
            yMax = Math.Max(yMax, p.Accuracy);
        }
        var xSpan = Math.Max(xMax - xMin, Math.Max(MinLatencySpanMs, 0.2 * Math.Abs(xMax)));
        var ySpan = Math.Max(yMax - yMin, MinAccuracySpan);
        plot.Axes.SetLimits(xMin - 0.15 * xSpan, xMax + 0.6 * xSpan, yMin - 0.15 * ySpan, yMax + 0.15 * ySpan);
    }
}
