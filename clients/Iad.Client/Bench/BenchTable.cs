namespace Iad.Client.Bench;

/// <summary>
/// The IM-IAD uniform table of a sweep: one row per method, one accuracy column per setting (suite mean over datasets,
/// then mean ± std over seeds), forgetting for continual columns, and the method's efficiency measured in the
/// efficiency setting (vanilla when swept, else the first setting).
/// </summary>
/// <param name="Title">The sweep's name.</param>
/// <param name="Settings">Column labels in sweep order.</param>
/// <param name="Datasets">Dataset labels averaged into each value.</param>
/// <param name="Seeds">Seeds averaged over.</param>
/// <param name="EfficiencySetting">The setting whose runs give the efficiency columns.</param>
/// <param name="Rows">One row per method in sweep order.</param>
public sealed record BenchTable(
    string Title,
    IReadOnlyList<string> Settings,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<int> Seeds,
    string EfficiencySetting,
    IReadOnlyList<BenchTableRow> Rows)
{
    /// <summary>Settings with a forgetting value in some row (the continual ones), in column order.</summary>
    public IReadOnlyList<string> ForgettingSettings => [.. Settings.Where(s => Rows.Any(r => r.ImageForgetting[s].Mean is not null))];

    /// <summary>
    /// Builds the table. Per (method, setting, seed) the datasets' cells are averaged unweighted (a seed missing any
    /// dataset's cell is left out); the seeds' suite values then give mean and sample standard deviation.
    /// </summary>
    public static BenchTable Build(BenchSweep sweep, IReadOnlyList<BenchCellResult> cells)
    {
        var settings = sweep.Settings.Select(s => s.Label).ToList();
        var datasets = sweep.Datasets.Select(d => d.Label).ToList();
        var efficiencySetting = settings.Contains("vanilla") ? "vanilla" : settings[0];
        var rows = new List<BenchTableRow>();
        foreach (var method in sweep.Methods.Select(m => m.Label))
        {
            var suites = settings.ToDictionary(s => s, s => sweep.Seeds
                .Select(seed => cells.Where(c => c.Method == method && c.Setting == s && c.Seed == seed).ToList())
                .Where(seedCells => seedCells.Count == datasets.Count)
                .Select(seedCells => BenchFigures.Mean([.. seedCells.Select(c => c.Figures)]))
                .ToList());
            var efficiency = suites[efficiencySetting];
            rows.Add(new BenchTableRow(
                method,
                settings.ToDictionary(s => s, s => BenchStat.Of(suites[s].Select(f => f.ImageAuroc))),
                settings.ToDictionary(s => s, s => BenchStat.Of(suites[s].Select(f => f.PixelAuroc))),
                settings.ToDictionary(s => s, s => BenchStat.Of(suites[s].Select(f => f.ImageForgetting))),
                BenchStat.Of(efficiency.Select(f => (double?)f.LatencyP50Ms)),
                BenchStat.Of(efficiency.Select(f => (double?)f.ThroughputImagesPerSecond)),
                efficiency.Count == 0 ? 0 : efficiency.Max(f => f.PeakHostBytes),
                BenchStat.Of(efficiency.Select(f => (double?)f.FitSeconds)),
                efficiency.Count == 0 ? 0 : (long)Math.Round(efficiency.Average(f => f.BankRows))));
        }
        return new BenchTable(sweep.Name, settings, datasets, sweep.Seeds, efficiencySetting, rows);
    }
}

/// <summary>One method's row of the <see cref="BenchTable"/>.</summary>
/// <param name="Method">The method's label.</param>
/// <param name="ImageAuroc">Setting → image AUROC over seeds.</param>
/// <param name="PixelAuroc">Setting → pixel AUROC over seeds.</param>
/// <param name="ImageForgetting">Setting → image-AUROC forgetting (N/A outside continual settings).</param>
/// <param name="LatencyP50Ms">Median per-image server latency, ms.</param>
/// <param name="ThroughputImagesPerSecond">Evaluation throughput, images/s.</param>
/// <param name="PeakHostBytes">Largest peak resident memory of the detection service, bytes.</param>
/// <param name="FitSeconds">Fit time per experiment, s.</param>
/// <param name="BankRows">Mean memory-bank rows (PatchCore) or positions (PaDiM).</param>
public sealed record BenchTableRow(
    string Method,
    IReadOnlyDictionary<string, BenchStat> ImageAuroc,
    IReadOnlyDictionary<string, BenchStat> PixelAuroc,
    IReadOnlyDictionary<string, BenchStat> ImageForgetting,
    BenchStat LatencyP50Ms,
    BenchStat ThroughputImagesPerSecond,
    long PeakHostBytes,
    BenchStat FitSeconds,
    long BankRows);

/// <summary>Mean and sample standard deviation (n − 1) of the seeds' values; null mean = N/A, null std = one value.</summary>
/// <param name="Mean">Mean of the present values, or null when none is present.</param>
/// <param name="Std">Sample standard deviation, or null with fewer than two values.</param>
/// <param name="Count">Values present.</param>
public readonly record struct BenchStat(double? Mean, double? Std, int Count)
{
    /// <summary>The statistic of <paramref name="values"/>; nulls (N/A) are left out.</summary>
    public static BenchStat Of(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        if (present.Length == 0) return new BenchStat(null, null, 0);
        var mean = present.Average();
        double? std = present.Length < 2 ? null : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
        return new BenchStat(mean, std, present.Length);
    }

    /// <summary><c>mean ± std</c> with <paramref name="format"/>, <c>mean</c> for one value, <c>N/A</c> for none.</summary>
    public string Format(string format = "F3") => Mean is not { } mean
        ? "N/A"
        : Std is { } std
            ? $"{mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ± {std.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}"
            : mean.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
