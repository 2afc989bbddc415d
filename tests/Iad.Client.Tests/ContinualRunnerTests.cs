using Iad.Client.Experiments;
using Iad.Client.Tests.Support;
using Iad.Contracts.V1;

namespace Iad.Client.Tests;

[Collection(ServicesCollection.Name)]
public sealed class ContinualRunnerTests(ServiceStack stack)
{
    private static ContinualPlan Plan(string method) => new()
    {
        Dataset = "synth",
        Method = method,
        Seed = 3,
        ImageSize = ServiceStack.Side,
        FeatureDim = method == "padim" ? 32 : null,
    };

    [Fact]
    public async Task Three_tasks_give_a_3x3_matrix_whose_forgetting_follows_its_definition()
    {
        var result = await new ContinualRunner(stack.Client).RunAsync(Plan("patchcore"));

        Assert.Equal(3, result.Tasks.Count);
        Assert.Equal(6, result.CellsComputed);
        var summary = result.Summaries["image_auroc"];
        Assert.Equal(3, summary.Tasks);
        var t = summary.Matrix;
        Assert.Equal(9, t.Count);
        // T[k, j] for j ≤ k; FM_j = max_{l<K} T[l, j] − T[K, j] for j < K; mean over j < K.
        var fm0 = Math.Max(t[0], t[3]) - t[6];
        var fm1 = t[4] - t[7];
        Assert.Equal(fm0, summary.Forgetting[0], 9);
        Assert.Equal(fm1, summary.Forgetting[1], 9);
        Assert.Equal((fm0 + fm1) / 2, summary.MeanForgetting, 9);
        Assert.Equal((t[6] + t[7] + t[8]) / 3, summary.FinalAccuracy, 9);
        Assert.All(new[] { t[0], t[4], t[8] }, v => Assert.True(v >= 0.85, $"diagonal image AUROC {v:F3}"));

        var run = (await stack.Client.Metrics.GetRunAsync(new GetRunRequest { RunId = result.RunId })).Run;
        Assert.Equal(6, run.Rows.Count);
        Assert.All(run.Rows, row =>
        {
            Assert.Equal(result.ModelIds[row.TrainedTask], row.ModelId);
            Assert.True(row.Efficiency.LatencyP50Ms > 0);
            Assert.True(row.Efficiency.ThroughputImagesPerSecond > 0);
            Assert.True(row.Efficiency.BankRows > 0);
            Assert.True(row.Efficiency.FitSeconds > 0);
        });
        var models = result.ModelIds.Select(id => stack.Client.Training.GetModel(new GetModelRequest { ModelId = id }).Model).ToList();
        Assert.Equal(["", models[0].ModelId, models[1].ModelId], models.Select(m => m.ParentModelId));
    }

    [Fact]
    public async Task A_run_stopped_mid_way_resumes_to_the_same_results_without_recomputing_or_duplicating_cells()
    {
        var runner = new ContinualRunner(stack.Client);
        var plan = Plan("padim");
        var reference = await runner.RunAsync(plan);

        using var stop = new CancellationTokenSource();
        var evaluated = 0;
        string? runId = null;
        var progress = new SynchronousProgress<ExperimentEvent>(e =>
        {
            if (e.Stage == "run") runId ??= e.Message.Split(' ', ':')[1];
            if (e.Stage == "evaluated" && ++evaluated == 2) stop.Cancel();
        });
        await Assert.ThrowsAnyAsync<Exception>(() => runner.RunAsync(plan, progress, stop.Token));
        Assert.NotNull(runId);
        var partial = (await stack.Client.Metrics.GetRunAsync(new GetRunRequest { RunId = runId })).Run;
        Assert.Equal(2, partial.Rows.Count);

        var resumed = await runner.ResumeAsync(runId!);
        Assert.Equal(4, resumed.CellsComputed);
        var run = (await stack.Client.Metrics.GetRunAsync(new GetRunRequest { RunId = runId })).Run;
        Assert.Equal(6, run.Rows.Count);
        Assert.Equal(6, run.Rows.Select(r => (r.TrainedTask, r.EvalTask)).Distinct().Count());
        foreach (var metric in ContinualRunner.SummaryMetrics)
            Assert.Equal(reference.Summaries[metric].Matrix, resumed.Summaries[metric].Matrix);

        var again = await runner.ResumeAsync(runId!);
        Assert.Equal(0, again.CellsComputed);
        Assert.Equal(resumed.ModelIds, again.ModelIds);
    }

    [Fact]
    public async Task The_pipeline_holds_no_more_than_its_window_even_when_its_consumer_is_slow()
    {
        var result = await new ContinualRunner(stack.Client).RunAsync(Plan("patchcore") with { Tasks = ["grain"] });
        var sha = (await stack.Client.Metrics.GetRunAsync(new GetRunRequest { RunId = result.RunId })).Run;
        Assert.Single(sha.Rows);
        var model = result.ModelIds[0];
        await stack.Client.Detection.LoadModelAsync(new LoadModelRequest { ModelId = model });
        var manifest = (await stack.Client.Training.GetModelAsync(new GetModelRequest { ModelId = model })).Model.ManifestSha256;

        var slow = new SynchronousProgress<(int Done, int Total)>(_ => Thread.Sleep(5));
        var outcome = await new EvaluationPipeline(stack.Client).RunAsync(
            new EvaluationRequest(manifest, 0, model) { Window = 3, KeepSamplesPerLabel = 2, IncludeCurves = true }, slow);

        Assert.True(outcome.MaxInFlight <= 3, $"{outcome.MaxInFlight} images held at once");
        Assert.Equal(outcome.Images, outcome.Report.Counts["images"]);
        Assert.Equal(2, outcome.Samples.Count(s => s.Label == Label.Normal));
        Assert.Equal(2, outcome.Samples.Count(s => s.Label == Label.Anomalous));
        Assert.Contains(outcome.Report.Curves, c => c.Name == "image_roc");
        Assert.All(outcome.Samples, s => Assert.Equal(ServiceStack.Side * ServiceStack.Side, s.Map.Length));
    }
}
