namespace Iad.Reports.Plots;

/// <summary>Fixed pixel sizes of the report's PNG files (overlay grids are sized by <see cref="Overlays.OverlayGridLayout"/>).</summary>
public static class PlotSizes
{
    /// <summary>Width of <c>accuracy_latency.png</c>, <c>forgetting.png</c> and every <c>matrix_*.png</c>: 800 px.</summary>
    public const int ChartWidth = 800;

    /// <summary>Height of <c>accuracy_latency.png</c>, <c>forgetting.png</c> and every <c>matrix_*.png</c>: 600 px.</summary>
    public const int ChartHeight = 600;

    /// <summary>Width and height of one of the three square panels (ROC, PR, PRO) of <c>curves_*.png</c>: 400 px.</summary>
    public const int CurvePanel = 400;

    /// <summary>Width of <c>curves_*.png</c>: three panels side by side, 1200 px.</summary>
    public const int CurvesWidth = 3 * CurvePanel;

    /// <summary>Height of <c>curves_*.png</c>: 400 px.</summary>
    public const int CurvesHeight = CurvePanel;
}
