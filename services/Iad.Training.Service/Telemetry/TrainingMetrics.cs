using Iad.Contracts.V1;
using Iad.Methods;
using Iad.Training.Service.Jobs;
using Prometheus;

namespace Iad.Training.Service.Telemetry;

/// <summary>
/// Prometheus series of the training service, units in the names. Every method × phase and every job state is created
/// at start-up, so dashboards and alerts see zero-valued series before the first job instead of missing ones.
/// </summary>
public static class TrainingMetrics
{
    // 10 ms … ~3 h: a phase ranges from loading a cached backbone to fitting a large dataset.
    private static readonly double[] PhaseBuckets = Histogram.ExponentialBuckets(0.01, 2, 21);

    /// <summary>Wall time of one job phase (loading, extracting, fitting, compiling, registering), seconds.</summary>
    public static readonly Histogram PhaseDuration = Metrics.CreateHistogram(
        "iad_training_phase_duration_seconds", "Wall time of one training-job phase.",
        new HistogramConfiguration { LabelNames = ["method", "phase"], Buckets = PhaseBuckets });

    /// <summary>Training images run through the backbone.</summary>
    public static readonly Counter Images = Metrics.CreateCounter(
        "iad_training_images_total", "Training images run through the backbone.", new CounterConfiguration { LabelNames = ["method"] });

    /// <summary>Feature-extraction throughput of the latest job of a method, images per second.</summary>
    public static readonly Gauge ExtractionRate = Metrics.CreateGauge(
        "iad_training_extraction_images_per_second", "Feature-extraction throughput of the latest job of a method.",
        new GaugeConfiguration { LabelNames = ["method"] });

    /// <summary>Jobs known to the service by state.</summary>
    public static readonly Gauge Jobs = Metrics.CreateGauge(
        "iad_training_jobs", "Training jobs known to the service by state.", new GaugeConfiguration { LabelNames = ["state"] });

    /// <summary>Bytes of fitted state (memory bank or Gaussians) of the latest version of each model name.</summary>
    public static readonly Gauge BankBytes = Metrics.CreateGauge(
        "iad_training_bank_bytes", "Bytes of fitted state (memory bank or Gaussians) of the latest version of a model name.",
        new GaugeConfiguration { LabelNames = ["model"] });

    private static readonly JobState[] States = [JobState.Queued, JobState.Running, JobState.Succeeded, JobState.Failed, JobState.Cancelled];

    private static readonly TrainingPhase[] Phases =
        [TrainingPhase.Loading, TrainingPhase.Extracting, TrainingPhase.Fitting, TrainingPhase.Compiling, TrainingPhase.Registering];

    /// <summary>Creates the labelled series and keeps the job gauge current at every scrape.</summary>
    public static void Initialise(JobBoard board)
    {
        foreach (var method in MethodRegistry.Names)
        {
            Images.WithLabels(method);
            ExtractionRate.WithLabels(method);
            foreach (var phase in Phases) PhaseDuration.WithLabels(method, TrainingJob.PhaseName(phase));
        }
        foreach (var state in States) Jobs.WithLabels(StateName(state));
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            var counts = board.CountByState();
            foreach (var state in States) Jobs.WithLabels(StateName(state)).Set(counts.GetValueOrDefault(state));
        });
    }

    private static string StateName(JobState state) => state.ToString().ToLowerInvariant();
}
