using Iad.Reports.Model;
using Iad.Reports.Tests.Support;

namespace Iad.Reports.Tests;

public sealed class ReportWriterEdgeCaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void One_task_run_writes_no_forgetting_chart_and_shows_missing_fm_as_dash()
    {
        var method = new MethodResult("patchcore", "resnet18", ["bottle"],
            new Dictionary<string, double[,]> { [MetricNames.ImageAuroc] = new[,] { { 0.93 } } },
            new Dictionary<string, double> { [MetricNames.ImageAuroc] = double.NaN },
            new Dictionary<string, double> { [MetricNames.ImageAuroc] = 0.93 },
            new EfficiencySummary(10, 11, 12, 90, 1 << 20, 1 << 20, 100, 1.5), [], []);
        var files = ReportWriter.Write(Report(method), _folder.Path).Select(Path.GetFileName).ToList();

        Assert.Equal(["accuracy_latency.png", "matrix_patchcore_i-auroc.png", "report.md", "report.html"], files);
        var md = File.ReadAllText(Path.Combine(_folder.Path, "report.md"));
        Assert.Contains("| bottle | 0.930 |", md, StringComparison.Ordinal);
        Assert.Contains("I-AUROC: final mean 0.930, mean forgetting –.", md, StringComparison.Ordinal);
        Assert.DoesNotContain("forgetting.png", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Method_without_efficiency_is_left_out_of_the_bubble_chart_and_shows_dashes()
    {
        var method = new MethodResult("spade", "resnet18", ["bottle"],
            new Dictionary<string, double[,]>(), new Dictionary<string, double>(),
            new Dictionary<string, double> { [MetricNames.ImageAuroc] = 0.8 }, null, [], []);
        var files = ReportWriter.Write(Report(method), _folder.Path).Select(Path.GetFileName).ToList();

        Assert.Equal(["report.md", "report.html"], files);
        var md = File.ReadAllText(Path.Combine(_folder.Path, "report.md"));
        Assert.Contains("| spade | resnet18 | 1 | 0.800 | – | – | – | – | – | – | – | – |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("### Accuracy matrices", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_report_still_writes_both_documents()
    {
        var files = ReportWriter.Write(Report(), _folder.Path).Select(Path.GetFileName).ToList();
        Assert.Equal(["report.md", "report.html"], files);
        Assert.Contains("No method results.", File.ReadAllText(Path.Combine(_folder.Path, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_of_the_wrong_size_throws_before_writing_anything()
    {
        var bad = SampleReports.BareMethod() with
        {
            AccuracyMatrices = new Dictionary<string, double[,]> { [MetricNames.ImageAuroc] = new double[2, 2] },
        };
        var ex = Assert.Throws<ReportDataException>(() => ReportWriter.Write(Report(SampleReports.FullMethod(), bad), _folder.Path));
        Assert.Contains("2×2, expected 3×3", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.Path));
    }

    [Fact]
    public void Overlay_with_short_rgb_buffer_names_the_numbers()
    {
        var overlay = SampleReports.Overlay("x", anomalous: true, score: 1, withMask: false) with { Rgb = new byte[10] };
        var method = SampleReports.BareMethod() with { Overlays = [overlay] };
        var ex = Assert.Throws<ReportDataException>(() => ReportWriter.Write(Report(method), _folder.Path));
        Assert.Contains("RGB has 10 bytes, expected 4608 for 48×32×3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Curve_with_a_nan_point_names_the_point()
    {
        var curves = new TaskCurves("bottle", new Curve([0, 0.5, 1], [0, double.NaN, 1]), null, null);
        var method = SampleReports.BareMethod() with { Curves = [curves] };
        var ex = Assert.Throws<ReportDataException>(() => ReportWriter.Write(Report(method), _folder.Path));
        Assert.Contains("ROC curve point 1 is (0.5, NaN)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Methods_sharing_a_name_get_backbone_suffixed_files_and_labels()
    {
        var a = SampleReports.BareMethod();
        var b = SampleReports.BareMethod() with { Backbone = "wide_resnet50_2" };
        var files = ReportWriter.Write(Report(a, b), _folder.Path).Select(Path.GetFileName).ToList();

        Assert.Contains("matrix_padim-resnet18_i-auroc.png", files);
        Assert.Contains("matrix_padim-wide-resnet50-2_i-auroc.png", files);
        Assert.Contains("## padim (wide\\_resnet50\\_2)", File.ReadAllText(Path.Combine(_folder.Path, "report.md")), StringComparison.Ordinal);
    }

    private static ExperimentReport Report(params MethodResult[] methods) =>
        new("Edge cases", "run-1", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), "", methods, []);
}
