using System.Text.RegularExpressions;
using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Client.Experiments;

/// <summary>
/// Runs a continual task sequence across the services: for each task k, train (updating the model of task k − 1),
/// load the model into detection, evaluate it on every task j ≤ k through the <see cref="EvaluationPipeline"/>, and
/// store the row T[k, j] (metrics and efficiency) in the results store at once. Every cell is a checkpoint:
/// <see cref="ResumeAsync"/> continues a stopped run, re-using stored cells and registered models, so nothing already
/// stored is recomputed. Forgetting and final accuracy come from the metrics service (<c>GetContinualSummary</c>).
/// </summary>
public sealed partial class ContinualRunner(IadClient client)
{
    /// <summary>Metrics summarised at the end (matrix, FM, final accuracy).</summary>
    public static IReadOnlyList<string> SummaryMetrics { get; } = ["image_auroc", "pixel_auroc"];

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NameCleaner();

    /// <summary>Builds the setting, creates a run and runs every cell.</summary>
    public async Task<ContinualResult> RunAsync(ContinualPlan plan, IProgress<ExperimentEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ContinualPlan.MethodEnum(plan.Method);
        plan.Regime.Validated();
        var (sha, tasks) = await BuildSettingAsync(plan, cancellationToken).ConfigureAwait(false);
        var create = new CreateRunRequest
        {
            RequestId = plan.RunKey ?? Guid.NewGuid().ToString("N"),
            Kind = "continual",
            Method = plan.Method,
            Dataset = plan.Dataset,
            Setting = plan.SettingLabel(tasks.Count),
            Seed = plan.Seed,
            ConfigJson = plan.ToJson(),
        };
        create.Tasks.AddRange(tasks);
        var run = (await client.Metrics.CreateRunAsync(create, cancellationToken: cancellationToken).ConfigureAwait(false)).Run;
        if (plan.RunKey is not null)
        {
            // An existing run comes back without rows; its stored cells decide what is left to compute.
            run = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = run.RunId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Run;
        }
        progress?.Report(new ExperimentEvent("run", -1, -1, 0, 0, $"run {run.RunId}: {plan.Method} on {plan.Dataset}, tasks [{string.Join(", ", tasks)}]"));
        return await ExecuteAsync(run, plan, sha, tasks, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Continues the continual run <paramref name="runId"/> from its stored cells.</summary>
    /// <exception cref="ArgumentException">The run is not a continual run of this runner.</exception>
    public async Task<ContinualResult> ResumeAsync(string runId, IProgress<ExperimentEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Run;
        if (run.Kind != "continual") throw new ArgumentException($"Run '{runId}' is a {run.Kind} run, not a continual one.");
        var plan = ContinualPlan.FromRun(run);
        var (sha, tasks) = await BuildSettingAsync(plan, cancellationToken).ConfigureAwait(false);
        if (!tasks.SequenceEqual(run.Tasks))
            throw new ArgumentException($"Run '{runId}' learned [{string.Join(", ", run.Tasks)}]; the dataset now gives [{string.Join(", ", tasks)}].");
        progress?.Report(new ExperimentEvent("run", -1, -1, run.Rows.Count, 0, $"resuming run {run.RunId}: {run.Rows.Count} cells stored"));
        return await ExecuteAsync(run, plan, sha, tasks, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Sha, List<string> Tasks)> BuildSettingAsync(ContinualPlan plan, CancellationToken cancellationToken)
    {
        var built = await client.Dataset.BuildSettingAsync(new BuildSettingRequest { Spec = plan.Setting() }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var manifest = (await client.Dataset.GetManifestAsync(new GetManifestRequest { Sha256 = built.Sha256 }, cancellationToken: cancellationToken).ConfigureAwait(false)).Manifest;
        return (built.Sha256, [.. manifest.Tasks.OrderBy(t => t.Index).Select(t => t.Name)]);
    }

    private async Task<ContinualResult> ExecuteAsync(Run run, ContinualPlan plan, string sha, IReadOnlyList<string> tasks,
        IProgress<ExperimentEvent>? progress, CancellationToken cancellationToken)
    {
        var stored = run.Rows.ToDictionary(r => (r.TrainedTask, r.EvalTask));
        var modelName = ModelName(plan, run.RunId);
        var pipeline = new EvaluationPipeline(client);
        var modelIds = new List<string>();
        var computed = 0;
        var previous = "";
        for (var k = 0; k < tasks.Count; k++)
        {
            var missing = Enumerable.Range(0, k + 1).Where(j => !stored.ContainsKey((k, j))).ToList();
            var recorded = Enumerable.Range(0, k + 1).Select(j => stored.GetValueOrDefault((k, j))?.ModelId).FirstOrDefault(id => !string.IsNullOrEmpty(id));
            var needed = missing.Count > 0 || k < tasks.Count - 1;
            var model = recorded is not null && await FindModelAsync(recorded, cancellationToken).ConfigureAwait(false) is { } existing
                ? existing
                : needed ? await TrainAsync(plan, sha, k, tasks[k], previous, modelName, progress, cancellationToken).ConfigureAwait(false) : null;
            var modelId = model?.ModelId ?? recorded ?? "";
            modelIds.Add(modelId);
            previous = modelId;
            if (missing.Count == 0)
            {
                progress?.Report(new ExperimentEvent("stored", k, -1, 0, 0, $"task {k} ({tasks[k]}): all {k + 1} cells already stored"));
                continue;
            }
            await client.Detection.LoadModelAsync(new LoadModelRequest { ModelId = modelId }, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var j in missing)
                {
                    var row = await EvaluateCellAsync(pipeline, plan, sha, model!, k, j, tasks[j], progress, cancellationToken).ConfigureAwait(false);
                    await client.Metrics.AppendResultAsync(new AppendResultRequest { RunId = run.RunId, Row = row }, cancellationToken: cancellationToken).ConfigureAwait(false);
                    stored[(k, j)] = row;
                    computed++;
                    var auroc = row.Metrics.FirstOrDefault(m => m.Name == "image_auroc");
                    progress?.Report(new ExperimentEvent("evaluated", k, j, 0, 0,
                        $"T[{k},{j}] image AUROC {Format(auroc is { HasValue: true } ? auroc.Value : null)}, p50 {row.Efficiency.LatencyP50Ms:F1} ms (stored)"));
                }
            }
            finally
            {
                await UnloadQuietlyAsync(modelId).ConfigureAwait(false);
            }
        }

        var summaries = new Dictionary<string, GetContinualSummaryResponse>();
        foreach (var metric in SummaryMetrics)
        {
            summaries[metric] = await client.Metrics.GetContinualSummaryAsync(new GetContinualSummaryRequest { RunId = run.RunId, Metric = metric },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        var image = summaries["image_auroc"];
        progress?.Report(new ExperimentEvent("summary", -1, -1, 0, 0,
            $"run {run.RunId}: final image AUROC {Format(image.HasFinalAccuracy ? image.FinalAccuracy : null)}, FM {Format(image.HasMeanForgetting ? image.MeanForgetting : null)}"));
        return new ContinualResult(run.RunId, tasks, summaries, modelIds, computed);
    }

    private async Task<ResultRow> EvaluateCellAsync(EvaluationPipeline pipeline, ContinualPlan plan, string sha, Model model, int k, int j, string task,
        IProgress<ExperimentEvent>? progress, CancellationToken cancellationToken)
    {
        var cellProgress = progress is null
            ? null
            : new Progress<(int Done, int Total)>(p => progress.Report(new ExperimentEvent("evaluate", k, j, p.Done, p.Total, $"model of task {k} on task {j} ({task})")));
        var outcome = await pipeline.RunAsync(new EvaluationRequest(sha, j, model.ModelId) { Window = plan.Window }, cellProgress, cancellationToken)
            .ConfigureAwait(false);
        var efficiency = outcome.Efficiency.Clone();
        efficiency.FitSeconds = model.TrainingMetrics.GetValueOrDefault("fit_seconds");
        efficiency.BankRows = model.BankRows;
        efficiency.ModelBytes = model.SizeBytes;
        var row = new ResultRow { TrainedTask = k, EvalTask = j, ModelId = model.ModelId, Efficiency = efficiency };
        row.Metrics.AddRange(outcome.Report.Metrics);
        return row;
    }

    private async Task<Model> TrainAsync(ContinualPlan plan, string sha, int k, string task, string baseModel, string modelName,
        IProgress<ExperimentEvent>? progress, CancellationToken cancellationToken)
    {
        var request = plan.TrainingRequest(sha, k, baseModel, modelName);
        var jobId = (await client.Training.StartTrainingAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false)).JobId;
        progress?.Report(new ExperimentEvent("train", k, -1, 0, 0, $"task {k} ({task}): training {plan.Method}{(baseModel.Length > 0 ? $" from {baseModel}" : "")}, job {jobId}"));
        try
        {
            var job = await JobWatcher.WaitAsync(client.Training, jobId,
                p => progress?.Report(new ExperimentEvent("train", k, -1, p.ImagesDone, p.ImagesTotal, $"task {k}: {p.Phase} {p.Message}")),
                cancellationToken).ConfigureAwait(false);
            return (await client.Training.GetModelAsync(new GetModelRequest { ModelId = job.ModelId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Model;
        }
        catch (OperationCanceledException)
        {
            await JobWatcher.CancelQuietlyAsync(client.Training, jobId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Model?> FindModelAsync(string modelId, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.Training.GetModelAsync(new GetModelRequest { ModelId = modelId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Model;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task UnloadQuietlyAsync(string modelId)
    {
        try
        {
            await client.Detection.UnloadModelAsync(new UnloadModelRequest { ModelId = modelId }).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // Unloading only frees memory early; a failure leaves the model loaded until the service unloads it.
        }
    }

    private static string ModelName(ContinualPlan plan, string runId)
    {
        if (!string.IsNullOrEmpty(plan.ModelName)) return plan.ModelName;
        var name = NameCleaner().Replace($"{plan.Method}-{plan.Dataset}-{runId}".ToLowerInvariant(), "-").Trim('-', '.', '_');
        return name.Length > 100 ? name[..100] : name;
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
