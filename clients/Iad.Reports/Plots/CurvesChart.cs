using Iad.Reports.Model;
using ScottPlot;
using SkiaSharp;

namespace Iad.Reports.Plots;

/// <summary>
/// ROC, precision–recall and PRO curves of a method's final model, one line per task (task i keeps colour i in all
/// three panels), in three square panels side by side: <see cref="PlotSizes.CurvesWidth"/>×<see cref="PlotSizes.CurvesHeight"/> px.
/// ROC and PR axes span [0, 1]; the PRO x-axis spans [0, the largest FPR given]. A panel without any curve says "no data".
/// </summary>
public static class CurvesChart
{
    /// <summary>File name for method key <paramref name="methodKey"/>: <c>curves_&lt;method&gt;.png</c>.</summary>
    public static string FileName(string methodKey) => $"curves_{methodKey}.png";

    /// <summary>Whether <paramref name="curves"/> holds at least one curve, i.e. whether the chart is worth drawing.</summary>
    public static bool HasAny(IReadOnlyList<TaskCurves> curves)
    {
        foreach (var c in curves)
            if (c.Roc is not null || c.PrecisionRecall is not null || c.Pro is not null) return true;
        return false;
    }

    /// <summary>Renders the three panels for <paramref name="curves"/> to <paramref name="path"/>.</summary>
    public static void Save(string methodLabel, IReadOnlyList<TaskCurves> curves, string path)
    {
        using var surface = SKSurface.Create(new SKImageInfo(PlotSizes.CurvesWidth, PlotSizes.CurvesHeight, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"could not allocate a {PlotSizes.CurvesWidth}×{PlotSizes.CurvesHeight} drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        Panel(surface.Canvas, 0, $"{methodLabel}: ROC", "FPR", "TPR", curves, c => c.Roc, fixedX: true);
        Panel(surface.Canvas, 1, $"{methodLabel}: precision-recall", "Recall", "Precision", curves, c => c.PrecisionRecall, fixedX: true);
        Panel(surface.Canvas, 2, $"{methodLabel}: PRO", "FPR", "PRO", curves, c => c.Pro, fixedX: false);
        PngFile.Save(surface, path);
    }

    private static void Panel(SKCanvas canvas, int index, string title, string xLabel, string yLabel,
        IReadOnlyList<TaskCurves> curves, Func<TaskCurves, Curve?> select, bool fixedX)
    {
        var plot = new Plot();
        var maxX = 0.0;
        var any = false;
        for (var i = 0; i < curves.Count; i++)
        {
            if (select(curves[i]) is not { } curve) continue;
            var line = plot.Add.ScatterLine(curve.X, curve.Y, ReportPalette.Series(i));
            line.LineWidth = 2;
            line.LegendText = curves[i].TaskName;
            foreach (var x in curve.X)
                if (double.IsFinite(x)) maxX = Math.Max(maxX, x);
            any = true;
        }
        if (any) plot.ShowLegend(Alignment.LowerRight);
        else plot.Add.Text("no data", 0.5, 0.5).Alignment = Alignment.MiddleCenter;
        var xMax = fixedX || maxX <= 0 ? 1.0 : maxX;
        plot.Axes.SetLimits(-0.02 * xMax, 1.02 * xMax, -0.02, 1.02);
        plot.Title(title, 14);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        var left = index * PlotSizes.CurvePanel;
        // A plot clears its whole canvas before drawing; the clip keeps the panels drawn before this one.
        canvas.Save();
        canvas.ClipRect(new SKRect(left, 0, left + PlotSizes.CurvePanel, PlotSizes.CurvePanel));
        plot.Render(canvas, new PixelRect(left, left + PlotSizes.CurvePanel, PlotSizes.CurvePanel, 0));
        canvas.Restore();
    }
}
