using System.Text.Json;
using Iad.Contracts.V1;

namespace Iad.Client.Experiments;

/// <summary>
/// A continual-learning experiment: tasks are categories of one dataset learned in order; each task's model updates the
/// previous one (<c>base_model</c>). A plan of one task is a single-category experiment (<c>iad eval</c>, bench cells).
/// Stored as the run's <c>config_json</c>, so a run can be resumed from its id alone.
/// </summary>
public sealed record ContinualPlan
{
    /// <summary>Registered dataset name.</summary>
    public required string Dataset { get; init; }

    /// <summary>Categories in learning order; empty means the dataset's canonical order.</summary>
    public IReadOnlyList<string> Tasks { get; init; } = [];

    /// <summary>Method name: <c>patchcore</c> or <c>padim</c>.</summary>
    public string Method { get; init; } = "patchcore";

    /// <summary>Training regime of every task (vanilla when not set).</summary>
    public ExperimentSetting Regime { get; init; } = ExperimentSetting.Vanilla;

    /// <summary>
    /// Idempotency key of the run: running a plan whose key already made a run continues that run from its stored cells
    /// instead of creating another (sweeps use it to resume). Null creates a new run every time.
    /// </summary>
    public string? RunKey { get; init; }

    /// <summary>Seed of the setting and of every fit.</summary>
    public int Seed { get; init; }

    /// <summary>Input side in pixels (multiple of 16).</summary>
    public int ImageSize { get; init; } = 256;

    /// <summary>PatchCore coreset ratio; the service default (0.1) when null.</summary>
    public double? CoresetRatio { get; init; }

    /// <summary>PatchCore bank rows kept over all tasks; 0 = unbounded.</summary>
    public long MemoryBudget { get; init; }

    /// <summary>PaDiM kept channels; the service default (100) when null.</summary>
    public int? FeatureDim { get; init; }

    /// <summary>PaDiM pools the Gaussians of all tasks instead of refitting on the new one.</summary>
    public bool RunningAverage { get; init; }

    /// <summary>Registry name of the task models (versions 1..T); default <c>{method}-{dataset}-{run}</c>.</summary>
    public string? ModelName { get; init; }

    /// <summary>
    /// Detections in flight per evaluation. 1 (default) measures unbatched per-image latency, the figure accuracy-vs-latency
    /// comparisons use; larger windows let the detection service batch, raising throughput and per-request latency.
    /// </summary>
    public int Window { get; init; } = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The continual setting this plan learns: its tasks in order under its regime, at its input size and seed.</summary>
    public SettingSpec Setting()
    {
        var spec = new SettingSpec { Dataset = Dataset, Seed = Seed, Continual = new ContinualOptions(), Input = new InputOptions { ImageSize = ImageSize } };
        spec.Continual.TaskOrder.AddRange(Tasks);
        Regime.ApplyTo(spec);
        return spec;
    }

    /// <summary>The run's setting label: the regime for one task, <c>continual</c> (plus a non-vanilla regime) for a sequence.</summary>
    public string SettingLabel(int taskCount) => Regime.LabelFor(sequence: taskCount > 1);

    /// <summary>The plan as stored in a run's <c>config_json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The plan a continual or single run was started with.</summary>
    /// <exception cref="ArgumentException">The run holds no plan.</exception>
    public static ContinualPlan FromRun(Run run)
    {
        try
        {
            return JsonSerializer.Deserialize<ContinualPlan>(run.ConfigJson, Json)
                ?? throw new ArgumentException($"Run '{run.RunId}' has no plan in its configuration.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Run '{run.RunId}' has no readable plan in its configuration: {e.Message}", e);
        }
    }

    /// <summary>The training request of task <paramref name="task"/>.</summary>
    public StartTrainingRequest TrainingRequest(string manifestSha256, int task, string baseModelId, string modelName)
    {
        var request = new StartTrainingRequest
        {
            Method = MethodEnum(Method),
            ManifestSha256 = manifestSha256,
            TaskIndex = task,
            BaseModelId = baseModelId,
            Seed = Seed,
            ModelName = modelName,
        };
        if (request.Method == Contracts.V1.Method.Patchcore)
        {
            request.Patchcore = new PatchCoreOptions { MemoryBudget = MemoryBudget };
            if (CoresetRatio is { } ratio) request.Patchcore.CoresetRatio = ratio;
        }
        else
        {
            request.Padim = new PadimOptions { RunningAverage = RunningAverage };
            if (FeatureDim is { } dim) request.Padim.FeatureDim = dim;
        }
        return request;
    }

    /// <summary>The protocol's method value of a method name.</summary>
    /// <exception cref="ArgumentException">An unknown method name.</exception>
    public static Method MethodEnum(string name) => name.ToLowerInvariant() switch
    {
        "patchcore" => Contracts.V1.Method.Patchcore,
        "padim" => Contracts.V1.Method.Padim,
        _ => throw new ArgumentException($"Unknown method '{name}'; known methods are [patchcore, padim]."),
    };
}
