using System.Globalization;
using Iad.Reports.Model;
using SkiaSharp;

namespace Iad.Reports.Overlays;

/// <summary>
/// Renders <c>overlays_&lt;method&gt;.png</c>: the samples grouped by <see cref="OverlayGrouping"/> into good, detected and
/// missed sections laid out by <see cref="OverlayGridLayout"/>, each tile drawn by <see cref="OverlayTileRenderer"/> with
/// one map range [lo, hi] = [min, max] over all maps of the method (so tiles compare), a 2 px frame (green when
/// Score ≥ Threshold agrees with the label, red otherwise) and two caption lines: the caption (cut to the tile width)
/// and "s &lt;score&gt; / t &lt;threshold&gt;".
/// </summary>
public static class OverlayGridChart
{
    /// <summary>File name for method key <paramref name="methodKey"/>.</summary>
    public static string FileName(string methodKey) => $"overlays_{methodKey}.png";

    private static readonly string[] Headers =
    [
        "Good: normal images",
        "Detected: anomalous, score >= threshold",
        "Missed: anomalous, score < threshold",
    ];

    /// <summary>Renders <paramref name="samples"/> (validated, at least one) to <paramref name="path"/>.</summary>
    public static void Save(IReadOnlyList<OverlaySample> samples, string path)
    {
        if (samples.Count == 0) throw new ArgumentException("the grid needs at least one sample.", nameof(samples));
        var groups = OverlayGrouping.Group(samples);
        var width = OverlayGridLayout.Width;
        var height = OverlayGridLayout.Height(groups[0].Count, groups[1].Count, groups[2].Count);
        var (lo, hi) = MapRange(samples);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"could not allocate a {width}×{height} drawing surface.");
        using var tile = new SKBitmap(new SKImageInfo(OverlayGridLayout.Tile, OverlayGridLayout.Tile, SKColorType.Rgba8888, SKAlphaType.Premul));
        var maskScratch = new byte[OverlayGridLayout.Tile * OverlayGridLayout.Tile];
        using var headerFont = new SKFont(ScottPlot.Fonts.GetTypeface(ScottPlot.Fonts.Default, true, false), 14);
        using var captionFont = new SKFont(ScottPlot.Fonts.GetTypeface(ScottPlot.Fonts.Default, false, false), 11);
        using var textPaint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var framePaint = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = false };

        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var top = OverlayGridLayout.Margin;
        for (var g = 0; g < groups.Length; g++)
        {
            var members = groups[g];
            var header = members.Count == 0 ? $"{Headers[g]} (none)" : $"{Headers[g]} ({members.Count})";
            canvas.DrawText(header, OverlayGridLayout.Margin, top + 17, SKTextAlign.Left, headerFont, textPaint);
            var rowTop = top + OverlayGridLayout.HeaderHeight;
            for (var i = 0; i < members.Count; i++)
            {
                var s = members[i];
                var x = OverlayGridLayout.Margin + i % OverlayGridLayout.Columns * (OverlayGridLayout.Tile + OverlayGridLayout.Gap);
                var y = rowTop + i / OverlayGridLayout.Columns * (OverlayGridLayout.Tile + OverlayGridLayout.CaptionHeight + OverlayGridLayout.Gap);
                OverlayTileRenderer.Render(s, lo, hi, tile.GetPixelSpan(), maskScratch);
                tile.NotifyPixelsChanged();
                canvas.DrawBitmap(tile, x, y);
                framePaint.Color = OverlayGrouping.IsCorrect(s) ? new SKColor(0, 160, 0) : new SKColor(210, 0, 0);
                canvas.DrawRect(x + 1, y + 1, OverlayGridLayout.Tile - 2, OverlayGridLayout.Tile - 2, framePaint);
                var line1 = FitText(s.Caption, captionFont, OverlayGridLayout.Tile);
                var line2 = string.Create(CultureInfo.InvariantCulture, $"s {s.Score:F3} / t {s.Threshold:F3}");
                canvas.DrawText(line1, x, y + OverlayGridLayout.Tile + 13, SKTextAlign.Left, captionFont, textPaint);
                canvas.DrawText(line2, x, y + OverlayGridLayout.Tile + 26, SKTextAlign.Left, captionFont, textPaint);
            }
            top += OverlayGridLayout.SectionHeight(members.Count);
        }
        Plots.PngFile.Save(surface, path);
    }

    private static (float Lo, float Hi) MapRange(IReadOnlyList<OverlaySample> samples)
    {
        var lo = float.PositiveInfinity;
        var hi = float.NegativeInfinity;
        foreach (var s in samples)
        {
            lo = Math.Min(lo, System.Numerics.Tensors.TensorPrimitives.Min<float>(s.AnomalyMap));
            hi = Math.Max(hi, System.Numerics.Tensors.TensorPrimitives.Max<float>(s.AnomalyMap));
        }
        return (lo, hi);
    }

    private static string FitText(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth) return text;
        var end = text.Length;
        while (end > 0 && font.MeasureText(string.Concat(text.AsSpan(0, end), "...")) > maxWidth) end--;
        return string.Concat(text.AsSpan(0, end), "...");
    }
}
