using Iad.Client;
using Iad.Client.Experiments;
using Iad.Contracts.V1;
using Iad.Reports.Model;
using Curve = Iad.Reports.Model.Curve;
using RegistryModel = Iad.Contracts.V1.Model;

namespace Iad.Reports.Collection;

/// <summary>
/// Gathers what a report shows for stored runs: the accuracy matrices, forgetting and final accuracy from the metrics
/// service, efficiency from the stored rows of the final model, and (by one more evaluation pass of the final model
/// per task, with curves and kept samples) ROC/PR/PRO curves and anomaly-map overlays. Runs are read, never changed.
/// </summary>
public sealed class RunReportCollector(IadClient client)
{
    private static readonly Dictionary<string, string> ReportMetricNames = new()
    {
        ["image_auroc"] = MetricNames.ImageAuroc,
        ["pixel_auroc"] = MetricNames.PixelAuroc,
    };

    /// <summary>Overlays kept per label and task for the overlay grid.</summary>
    public int OverlaysPerLabel { get; init; } = 2;

    /// <summary>A report over <paramref name="runIds"/> (one method section per run).</summary>
    /// <exception cref="ArgumentException">A run is not a continual or single run, or has no rows.</exception>
    public async Task<ExperimentReport> CollectAsync(IReadOnlyList<string> runIds, string title, IProgress<ExperimentEvent>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var methods = new List<MethodResult>();
        var notes = new List<Note>();
        DateTime? created = null;
        foreach (var runId in runIds)
        {
            var run = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = runId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Run;
            if (run.Kind is not ("continual" or "single")) throw new ArgumentException($"Run '{runId}' is a {run.Kind} run; reports cover continual and single runs.");
            if (run.Rows.Count == 0) throw new ArgumentException($"Run '{runId}' has no stored results yet.");
            created ??= run.Created.ToDateTime();
            methods.Add(await MethodAsync(run, progress, cancellationToken).ConfigureAwait(false));
            notes.Add(new Note($"Run {run.RunId}", $"{run.Method} on {run.Dataset} ({run.Setting}), seed {run.Seed}, tasks [{string.Join(", ", run.Tasks)}]."));
        }
        var description = "Accuracy matrices T[k, j] hold a metric of the model after task k on task j. FM is the mean forgetting " +
                          "(max over earlier models minus the final model, averaged over all but the last task). Curves and overlays are " +
                          "from the final model. Latency is the detection service's per-image server time.";
        return new ExperimentReport(title, string.Join(", ", runIds), created ?? DateTime.UtcNow, description, methods, notes);
    }

    private async Task<MethodResult> MethodAsync(Run run, IProgress<ExperimentEvent>? progress, CancellationToken cancellationToken)
    {
        var tasks = run.Tasks.ToList();
        var matrices = new Dictionary<string, double[,]>();
        var forgetting = new Dictionary<string, double>();
        var final = new Dictionary<string, double>();
        foreach (var (metric, label) in ReportMetricNames)
        {
            var summary = await client.Metrics.GetContinualSummaryAsync(new GetContinualSummaryRequest { RunId = run.RunId, Metric = metric },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            var t = summary.Tasks;
            var matrix = new double[t, t];
            for (var k = 0; k < t; k++)
            for (var j = 0; j < t; j++)
                matrix[k, j] = j <= k ? summary.Matrix[k * t + j] : double.NaN;
            matrices[label] = matrix;
            if (summary.HasMeanForgetting) forgetting[label] = summary.MeanForgetting;
            if (summary.HasFinalAccuracy) final[label] = summary.FinalAccuracy;
        }

        var last = run.Rows.Max(r => r.TrainedTask);
        var finalRows = run.Rows.Where(r => r.TrainedTask == last).ToList();
        var modelId = finalRows[0].ModelId;
        var model = (await client.Training.GetModelAsync(new GetModelRequest { ModelId = modelId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Model;
        var efficiency = new EfficiencySummary(
            finalRows.Average(r => r.Efficiency.LatencyP50Ms),
            finalRows.Average(r => r.Efficiency.LatencyP95Ms),
            finalRows.Average(r => r.Efficiency.LatencyP99Ms),
            finalRows.Average(r => r.Efficiency.ThroughputImagesPerSecond),
            finalRows.Max(r => r.Efficiency.PeakHostBytes),
            model.SizeBytes,
            model.BankRows,
            run.Rows.GroupBy(r => r.TrainedTask).Sum(g => g.First().Efficiency.FitSeconds));

        var (curves, overlays) = await FinalModelPassAsync(run, tasks, model, progress, cancellationToken).ConfigureAwait(false);
        return new MethodResult(run.Method, model.Backbone, tasks, matrices, forgetting, final, efficiency, curves, overlays);
    }

    private async Task<(List<TaskCurves>, List<OverlaySample>)> FinalModelPassAsync(Run run, List<string> tasks, RegistryModel model,
        IProgress<ExperimentEvent>? progress, CancellationToken cancellationToken)
    {
        var plan = ContinualPlan.FromRun(run);
        var sha = (await client.Dataset.BuildSettingAsync(new BuildSettingRequest { Spec = plan.Setting() }, cancellationToken: cancellationToken).ConfigureAwait(false)).Sha256;
        var loaded = (await client.Detection.LoadModelAsync(new LoadModelRequest { ModelId = model.ModelId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Model;
        var threshold = loaded.HasThreshold ? loaded.Threshold : double.PositiveInfinity;
        var curves = new List<TaskCurves>();
        var overlays = new List<OverlaySample>();
        var pipeline = new EvaluationPipeline(client);
        for (var j = 0; j < tasks.Count; j++)
        {
            progress?.Report(new ExperimentEvent("report", tasks.Count - 1, j, 0, 0, $"{run.Method}: curves and overlays of the final model on {tasks[j]}"));
            var outcome = await pipeline.RunAsync(new EvaluationRequest(sha, j, model.ModelId) { IncludeCurves = true, KeepSamplesPerLabel = OverlaysPerLabel },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            curves.Add(new TaskCurves(tasks[j], Curve(outcome.Report, "image_roc"), Curve(outcome.Report, "image_pr"), Curve(outcome.Report, "pro")));
            overlays.AddRange(outcome.Samples.Select(s => Overlay(s, threshold, tasks[j])));
        }
        return (curves, overlays);
    }

    private static Curve? Curve(EvaluationReport report, string name) =>
        report.Curves.FirstOrDefault(c => c.Name == name) is { Points.Count: > 1 } curve
            ? new Curve([.. curve.Points.Select(p => p.X)], [.. curve.Points.Select(p => p.Y)])
            : null;

    private static OverlaySample Overlay(KeptSample sample, double threshold, string task)
    {
        var plane = sample.Side * sample.Side;
        var rgb = new byte[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            rgb[3 * i] = sample.Pixels[i];
            rgb[3 * i + 1] = sample.Pixels[plane + i];
            rgb[3 * i + 2] = sample.Pixels[2 * plane + i];
        }
        var anomalous = sample.Label == Label.Anomalous;
        var caption = $"{task} {(anomalous ? "defect" : "good")} {sample.Score:F2}";
        return new OverlaySample(sample.Side, sample.Side, rgb, sample.Map, sample.Mask, anomalous, sample.Score, threshold, caption);
    }
}
