using ScottPlot;

namespace Iad.Reports.Plots;

/// <summary>Colours shared by all charts, so a method or task keeps its colour from one chart to the next.</summary>
internal static class ReportPalette
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>The colour of series <paramref name="index"/> (cycles after ten).</summary>
    public static Color Series(int index) => Palette.GetColor(index);
}
