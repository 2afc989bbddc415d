using Iad.Client.Bench;
using Iad.Client.Experiments;
using Iad.Client.Tests.Support;
using Iad.Contracts.V1;

namespace Iad.Client.Tests.Bench;

[Collection(ServicesCollection.Name)]
public sealed class BenchRunnerTests(ServiceStack stack)
{
    private static readonly BenchSweep Sweep = BenchSweepReader.Parse($"""
        name: small
        image_size: {ServiceStack.Side}
        seeds: [1]
        datasets: [{"{"}name: synth, categories: [grain, weave]{"}"}]
        methods: [patchcore, {"{"}name: padim, feature_dim: 32{"}"}]
        settings: [vanilla, {"{"}noisy: {"{"}ratio: 0.2{"}"}{"}"}, continual]
        """);

    [Fact]
    public async Task A_sweep_fills_every_cell_of_the_uniform_table_and_a_stopped_sweep_resumes_without_duplicate_runs()
    {
        var runner = new BenchRunner(stack.Client);
        using var stop = new CancellationTokenSource();
        string? benchId = null;
        var stored = 0;
        var progress = new SynchronousProgress<ExperimentEvent>(e =>
        {
            if (e.Stage == "run" && e.Message.StartsWith("bench ", StringComparison.Ordinal)) benchId ??= e.Message.Split(' ', ':')[1];
            if (e.Stage == "evaluated" && ++stored == 3) stop.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(Sweep, progress, stop.Token));
        Assert.NotNull(benchId);

        var result = await runner.ResumeAsync(benchId!);

        // 2 methods × (2 vanilla + 2 noisy one-category runs + 1 continual run); the first three one-cell runs were stored.
        Assert.Equal(7, result.ExperimentsComputed);
        Assert.Equal(6, result.Cells.Count);
        var runs = (await stack.Client.Metrics.ListRunsAsync(new ListRunsRequest { Kind = "continual", PageSize = 1000 })).Runs
            .Where(r => ContinualPlan.FromRun(r).RunKey?.StartsWith(benchId + "/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(10, runs.Count);
        Assert.Equal(10, result.Cells.SelectMany(c => c.RunIds).Distinct().Count());
        Assert.All(runs.Where(r => r.Setting == "noisy 0.2"), r => Assert.Single(r.Tasks));
        Assert.All(runs.Where(r => r.Setting == "continual"), r => Assert.Equal(["grain", "weave"], r.Tasks));

        var table = result.Table();
        Assert.Equal(["patchcore", "padim"], table.Rows.Select(r => r.Method));
        Assert.Equal(["vanilla", "noisy 0.2", "continual"], table.Settings);
        foreach (var row in table.Rows)
        {
            Assert.All(table.Settings, s => Assert.InRange(row.ImageAuroc[s].Mean!.Value, 0, 1));
            Assert.True(row.ImageAuroc["vanilla"].Mean >= 0.8, $"{row.Method} vanilla image AUROC {row.ImageAuroc["vanilla"].Format()}");
            Assert.NotNull(row.ImageForgetting["continual"].Mean);
            Assert.Null(row.ImageForgetting["vanilla"].Mean);
            Assert.True(row.LatencyP50Ms.Mean > 0);
            Assert.True(row.PeakHostBytes > 0);
            Assert.True(row.BankRows > 0);
        }

        // A cell is the unweighted mean of its categories' runs.
        var vanilla = result.Cells.Single(c => c.Method == "patchcore" && c.Setting == "vanilla");
        var perCategory = new List<double>();
        foreach (var runId in vanilla.RunIds)
        {
            var summary = await stack.Client.Metrics.GetContinualSummaryAsync(new GetContinualSummaryRequest { RunId = runId, Metric = "image_auroc" });
            perCategory.Add(summary.FinalAccuracy);
        }
        Assert.Equal(perCategory.Average(), vanilla.Figures.ImageAuroc!.Value, 12);

        var again = await runner.ResumeAsync(benchId!);
        Assert.Equal(0, again.ExperimentsComputed);
        Assert.Equal(result.Cells.Select(c => c.Figures), again.Cells.Select(c => c.Figures));
    }

    [Fact]
    public async Task An_unknown_category_is_refused_before_anything_runs()
    {
        var sweep = Sweep with { Datasets = [new BenchDataset { Name = "synth", Categories = ["grain", "bolt"] }] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new BenchRunner(stack.Client).RunAsync(sweep));

        Assert.Contains("no categories [bolt]", error.Message);
    }
}
