using Iad.Client.Bench;
using Iad.Client.Experiments;
using Iad.Reports.Bench;
using Iad.Reports.Plots;
using Iad.Reports.Tests.Support;

namespace Iad.Reports.Tests.Bench;

public sealed class BenchReportWriterTests
{
    private static BenchResult Result()
    {
        var sweep = new BenchSweep
        {
            Name = "uniform, small",
            Datasets = [new BenchDataset { Name = "synth" }],
            Methods = [new BenchMethod { Name = "patchcore" }, new BenchMethod { Name = "padim" }],
            Settings = [new BenchSetting(), new BenchSetting { Regime = new ExperimentSetting { Kind = "few_shot", Shots = 2 } }, new BenchSetting { Continual = true }],
            Seeds = [0, 1],
        };
        var cells = new List<BenchCellResult>();
        foreach (var (method, latency, peak) in new[] { ("patchcore", 40.0, 900L << 20), ("padim", 8.0, 300L << 20) })
        foreach (var setting in sweep.Settings)
        foreach (var seed in sweep.Seeds)
        {
            cells.Add(new BenchCellResult(method, "synth", setting.Label, seed, [$"run-{method}-{seed}"], new BenchFigures
            {
                ImageAuroc = 0.9 + 0.01 * seed, PixelAuroc = setting.Continual ? null : 0.95, ImageForgetting = setting.Continual ? 0.02 : null,
                LatencyP50Ms = latency, LatencyP95Ms = latency * 1.5, ThroughputImagesPerSecond = 1000 / latency, PeakHostBytes = peak, BankRows = 1000, FitSeconds = 3,
            }));
        }
        return new BenchResult("run-bench-1", sweep, cells, 12);
    }

    [Fact]
    public void Writes_the_table_documents_the_cells_and_a_bubble_chart()
    {
        using var folder = new TempFolder();
        var files = BenchReportWriter.Write(Result(), folder.Path);

        Assert.Equal(["accuracy_latency.png", "bench.md", "bench.html", "bench.csv", "bench.json"], files.Select(Path.GetFileName));
        Assert.Equal((PlotSizes.ChartWidth, PlotSizes.ChartHeight), PngProbe.HeaderSize(files[0]));

        var markdown = File.ReadAllText(files[1]);
        Assert.Contains("| method | vanilla | few-shot 2 | continual | FM (continual) | latency p50 (ms) |", markdown);
        Assert.Contains("| patchcore | 0.905 ± 0.007 | 0.905 ± 0.007 | 0.905 ± 0.007 | 0.020 ± 0.000 | 40.00 ± 0.00 | 25.0 ± 0.0 | 900.0 MiB |", markdown);
        Assert.Contains("| padim | 0.950 ± 0.000 | 0.950 ± 0.000 | N/A |", markdown);
        Assert.Contains("× datasets [synth] × seeds [0, 1]", markdown.Replace("\\[", "[").Replace("\\]", "]"));

        var csv = File.ReadAllLines(files[3]);
        Assert.Equal(string.Join(",", BenchReportWriter.CsvColumns), csv[0]);
        Assert.Equal(1 + 12, csv.Length);
        Assert.StartsWith("patchcore,synth,vanilla,0,0.9,0.95,,40,", csv[1]);
        Assert.Contains("\"run-bench-1\"", File.ReadAllText(files[4]));
    }
}
