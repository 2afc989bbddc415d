using Iad.Reports.Documents;
using ScottPlot;

namespace Iad.Reports.Plots;

/// <summary>
/// Heat-map of one continual accuracy matrix, <see cref="PlotSizes.ChartWidth"/>×<see cref="PlotSizes.ChartHeight"/> px:
/// row k (top to bottom) = after training task k, column j = evaluated on task j, each finite cell coloured on the
/// Viridis scale between the matrix's smallest and largest finite value and labelled with its value (three decimals);
/// NaN cells (above the diagonal, unmeasured) are light grey and unlabelled.
/// </summary>
public static class AccuracyMatrixChart
{
    private const int RotateAbove = 4;
    private const float MaxBottomAxisPx = 220f;

    /// <summary>File name for method key <paramref name="methodKey"/> and metric <paramref name="metric"/>: <c>matrix_&lt;method&gt;_&lt;metric&gt;.png</c>.</summary>
    public static string FileName(string methodKey, string metric) => $"matrix_{methodKey}_{Model.MethodKeys.Slug(metric)}.png";

    /// <summary>Renders the T×T <paramref name="matrix"/> with <paramref name="taskNames"/> (length T) to <paramref name="path"/>.</summary>
    public static void Save(string title, IReadOnlyList<string> taskNames, double[,] matrix, string path)
    {
        var t = taskNames.Count;
        if (matrix.GetLength(0) != t || matrix.GetLength(1) != t)
            throw new ArgumentException($"matrix is {matrix.GetLength(0)}×{matrix.GetLength(1)}, expected {t}×{t}.", nameof(matrix));
        var (lo, hi) = FiniteRange(matrix);
        var colormap = new ScottPlot.Colormaps.Viridis();
        var plot = new Plot();
        var fontSize = Math.Clamp(160f / t, 8f, 16f);
        for (var k = 0; k < t; k++)
        for (var j = 0; j < t; j++)
        {
            var value = matrix[k, j];
            // Row 0 at the top: y grows downwards in matrix order.
            var y = t - 1 - k;
            var cell = plot.Add.Rectangle(j - 0.5, j + 0.5, y - 0.5, y + 0.5);
            cell.LineColor = Colors.White;
            cell.LineWidth = 1;
            if (!double.IsFinite(value))
            {
                cell.FillColor = Colors.LightGray;
                continue;
            }
            var fill = colormap.GetColor(hi > lo ? (value - lo) / (hi - lo) : 0.5);
            cell.FillColor = fill;
            var text = plot.Add.Text(CellFormat.Metric(value), j, y);
            text.Alignment = Alignment.MiddleCenter;
            text.LabelFontSize = fontSize;
            text.LabelFontColor = fill.Luminance > 0.5f ? Colors.Black : Colors.White;
        }
        var positions = new double[t];
        var columnLabels = new string[t];
        var rowLabels = new string[t];
        for (var i = 0; i < t; i++)
        {
            positions[i] = i;
            columnLabels[i] = taskNames[i];
            rowLabels[t - 1 - i] = taskNames[i];
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, columnLabels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, rowLabels);
        if (t > RotateAbove) RotateColumnLabels(plot, taskNames);
        plot.Axes.SetLimits(-0.5, t - 0.5, -0.5, t - 0.5);
        plot.Grid.IsVisible = false;
        plot.Title(title);
        plot.XLabel("Evaluated on task");
        plot.YLabel("After training task");
        plot.SavePng(path, PlotSizes.ChartWidth, PlotSizes.ChartHeight);
    }

    // The axis does not grow for rotated tick labels, so reserve their height (≈ 7 px per character at the default
    // tick font, projected by sin 35°) plus room for the axis title.
    private static void RotateColumnLabels(Plot plot, IReadOnlyList<string> taskNames)
    {
        var longest = 0;
        foreach (var name in taskNames) longest = Math.Max(longest, name.Length);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = Math.Min(MaxBottomAxisPx, 7f * longest * 0.574f + 50f);
    }

    private static (double Lo, double Hi) FiniteRange(double[,] matrix)
    {
        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;
        foreach (var v in matrix)
        {
            if (!double.IsFinite(v)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        return (lo, hi);
    }
}
