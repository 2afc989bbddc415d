using Iad.Client.Bench;
using Iad.Client.Experiments;

namespace Iad.Client.Tests.Bench;

public sealed class BenchTableTests
{
    private static readonly BenchSweep Sweep = new()
    {
        Name = "t",
        Datasets = [new BenchDataset { Name = "a" }, new BenchDataset { Name = "b" }],
        Methods = [new BenchMethod { Name = "patchcore" }],
        Settings = [new BenchSetting { Regime = new ExperimentSetting { Kind = "noisy" } }, new BenchSetting(), new BenchSetting { Continual = true }],
        Seeds = [0, 1],
    };

    private static BenchCellResult Cell(string dataset, string setting, int seed, double? image, double latency = 10, long peak = 100, double? fm = null) =>
        new("patchcore", dataset, setting, seed, [$"run-{dataset}-{setting}-{seed}"],
            new BenchFigures { ImageAuroc = image, PixelAuroc = null, ImageForgetting = fm, LatencyP50Ms = latency, PeakHostBytes = peak, FitSeconds = 2, BankRows = 10 });

    [Fact]
    public void Values_average_datasets_per_seed_then_give_mean_and_sample_std_over_seeds()
    {
        var table = BenchTable.Build(Sweep,
        [
            Cell("a", "vanilla", 0, 0.9, latency: 10, peak: 100), Cell("b", "vanilla", 0, 0.7, latency: 30, peak: 300),
            Cell("a", "vanilla", 1, 1.0, latency: 20, peak: 200), Cell("b", "vanilla", 1, 0.8, latency: 40, peak: 50),
            Cell("a", "noisy 0.1", 0, 0.6), Cell("b", "noisy 0.1", 0, 0.8),
            Cell("a", "continual", 0, 0.5, fm: 0.2), Cell("b", "continual", 0, 0.7, fm: 0.0),
            Cell("a", "continual", 1, 0.6, fm: 0.1),
        ]);

        var row = Assert.Single(table.Rows);
        // vanilla: seed 0 suite = 0.8, seed 1 suite = 0.9 → mean 0.85, std √((0.05² + 0.05²) / 1).
        Assert.Equal(0.85, row.ImageAuroc["vanilla"].Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(0.005), row.ImageAuroc["vanilla"].Std!.Value, 12);
        Assert.Equal(2, row.ImageAuroc["vanilla"].Count);
        // noisy: one seed only → no std.
        Assert.Equal(0.7, row.ImageAuroc["noisy 0.1"].Mean!.Value, 12);
        Assert.Null(row.ImageAuroc["noisy 0.1"].Std);
        // continual: seed 1 lacks dataset b and is left out.
        Assert.Equal(0.6, row.ImageAuroc["continual"].Mean!.Value, 12);
        Assert.Equal(0.1, row.ImageForgetting["continual"].Mean!.Value, 12);
        Assert.Null(row.ImageForgetting["vanilla"].Mean);
        // pixel AUROC N/A everywhere stays N/A, never 0.
        Assert.Equal("N/A", row.PixelAuroc["vanilla"].Format());
        // efficiency from vanilla: latency suites 20 and 30; peak is the largest.
        Assert.Equal("vanilla", table.EfficiencySetting);
        Assert.Equal(25, row.LatencyP50Ms.Mean!.Value, 12);
        Assert.Equal(300, row.PeakHostBytes);
        Assert.Equal(["noisy 0.1", "vanilla", "continual"], table.Settings);
    }

    [Fact]
    public void Without_a_vanilla_column_efficiency_comes_from_the_first_setting()
    {
        var sweep = Sweep with { Settings = [new BenchSetting { Continual = true }], Datasets = [new BenchDataset { Name = "a" }] };
        var table = BenchTable.Build(sweep, [Cell("a", "continual", 0, 0.5, latency: 7, fm: 0.1)]);

        Assert.Equal("continual", table.EfficiencySetting);
        Assert.Equal(7, table.Rows[0].LatencyP50Ms.Mean!.Value, 12);
        Assert.Equal("0.500", table.Rows[0].ImageAuroc["continual"].Format());
    }

    [Fact]
    public void A_stat_formats_mean_and_std()
    {
        Assert.Equal("0.500 ± 0.100", new BenchStat(0.5, 0.1, 2).Format());
        Assert.Equal("N/A", BenchStat.Of([null, null]).Format());
        Assert.Equal(1, BenchStat.Of([0.4, null]).Count);
    }
}
