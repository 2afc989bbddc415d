using System.Text.RegularExpressions;
using Iad.Reports.Overlays;
using Iad.Reports.Plots;
using Iad.Reports.Tests.Support;

namespace Iad.Reports.Tests;

public sealed class ReportWriterTests(WrittenReport report) : IClassFixture<WrittenReport>
{
    private static readonly string[] ExpectedNames =
    [
        "accuracy_latency.png", "forgetting.png",
        "matrix_patchcore_i-auroc.png", "matrix_patchcore_p-auroc.png", "curves_patchcore.png", "overlays_patchcore.png",
        "matrix_padim_i-auroc.png",
        "report.md", "report.html",
    ];

    [Fact]
    public void Returns_every_file_written_in_order_and_each_exists()
    {
        Assert.Equal(ExpectedNames, report.Files.Select(Path.GetFileName));
        Assert.All(report.Files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(ExpectedNames.Order(), Directory.GetFiles(report.Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Every_png_has_its_documented_size_and_is_not_flat()
    {
        var overlayHeight = OverlayGridLayout.Height(good: 2, detected: 2, missed: 1);
        foreach (var file in report.Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(file);
            var expected = name switch
            {
                "curves_patchcore.png" => (PlotSizes.CurvesWidth, PlotSizes.CurvesHeight),
                "overlays_patchcore.png" => (OverlayGridLayout.Width, overlayHeight),
                _ => (PlotSizes.ChartWidth, PlotSizes.ChartHeight),
            };
            Assert.Equal(expected, PngProbe.HeaderSize(file));
            using var bitmap = PngProbe.Decode(file);
            Assert.Equal(expected, (bitmap.Width, bitmap.Height));
            Assert.True(PngProbe.DistinctColours(bitmap) > 20, $"{name} has almost no distinct colours.");
        }
    }

    [Fact]
    public void Curves_png_draws_each_of_its_three_panels()
    {
        using var bitmap = PngProbe.Decode(Path.Combine(report.Folder, "curves_patchcore.png"));
        for (var panel = 0; panel < 3; panel++)
        {
            using var part = new SkiaSharp.SKBitmap(PlotSizes.CurvePanel, PlotSizes.CurvePanel);
            Assert.True(bitmap.ExtractSubset(part, SkiaSharp.SKRectI.Create(panel * PlotSizes.CurvePanel, 0, PlotSizes.CurvePanel, PlotSizes.CurvePanel)));
            Assert.True(PngProbe.DistinctColours(part) > 20, $"panel {panel} is blank.");
        }
    }

    [Fact]
    public void Markdown_names_every_method_and_formats_matrix_values()
    {
        var md = report.Markdown;
        Assert.StartsWith("# Continual MVTec subset\n", md, StringComparison.Ordinal);
        Assert.Contains("## patchcore", md, StringComparison.Ordinal);
        Assert.Contains("## padim", md, StringComparison.Ordinal);
        Assert.Contains("| screw | 0.951 | 0.902 | 0.876 |", md, StringComparison.Ordinal);
        Assert.Contains("| bottle | 0.991 | – | – |", md, StringComparison.Ordinal);
        Assert.Contains("| cable | 0.710 | 0.930 | – |", md, StringComparison.Ordinal);
        Assert.Contains("I-AUROC: final mean 0.910, mean forgetting 0.046.", md, StringComparison.Ordinal);
        Assert.Contains("| padim | resnet18 | 3 | 0.687 | – | 0.340 | 12.50 | 14.00 | 80.0 | 381.5 MiB | – | 10.0 s |", md, StringComparison.Ordinal);
        Assert.Contains("| patchcore | wide\\_resnet50\\_2 | 3 | 0.910 | 0.934 | 0.046 | 41.25 | 48.50 | 23.8 | 1.4 GiB | 16,384 | 95.4 s |", md, StringComparison.Ordinal);
        Assert.Contains("![patchcore: I-AUROC accuracy matrix.](matrix_patchcore_i-auroc.png)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_without_curves_or_overlays_omits_those_sections()
    {
        var padimSection = report.Markdown[report.Markdown.IndexOf("## padim", StringComparison.Ordinal)..];
        Assert.DoesNotContain("### Curves", padimSection, StringComparison.Ordinal);
        Assert.DoesNotContain("### Anomaly-map overlays", padimSection, StringComparison.Ordinal);
        Assert.Contains("### Efficiency", padimSection, StringComparison.Ordinal);
        Assert.Contains("### Anomaly-map overlays", report.Markdown, StringComparison.Ordinal);
        Assert.Contains("2 good, 2 detected, 1 missed.", report.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_balanced_and_references_every_png_that_exists()
    {
        HtmlBalance.AssertBalanced(report.Html);
        var sources = Regex.Matches(report.Html, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var pngs = report.Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.Equal(pngs.Order(), sources.Order());
        Assert.All(sources, s => Assert.True(File.Exists(Path.Combine(report.Folder, s)), s));
        Assert.Contains("<td>bottle</td><td>0.991</td><td>–</td><td>–</td>", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Missed_anomaly_tile_is_drawn_in_the_missed_section_with_a_red_frame()
    {
        using var bitmap = PngProbe.Decode(Path.Combine(report.Folder, "overlays_patchcore.png"));
        var x = OverlayGridLayout.Margin;
        var missedTop = OverlayGridLayout.Margin + OverlayGridLayout.SectionHeight(2) + OverlayGridLayout.SectionHeight(2)
                        + OverlayGridLayout.HeaderHeight;
        var frame = bitmap.GetPixel(x + 1, missedTop + OverlayGridLayout.Tile / 2);
        Assert.Equal((210, 0, 0), (frame.Red, frame.Green, frame.Blue));
        var firstDetected = bitmap.GetPixel(x + 1, OverlayGridLayout.Margin + OverlayGridLayout.SectionHeight(2)
                                                   + OverlayGridLayout.HeaderHeight + OverlayGridLayout.Tile / 2);
        Assert.Equal((0, 160, 0), (firstDetected.Red, firstDetected.Green, firstDetected.Blue));
    }
}
