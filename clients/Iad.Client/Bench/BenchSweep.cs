using System.Text.Json;
using System.Text.Json.Serialization;
using Iad.Client.Experiments;

namespace Iad.Client.Bench;

/// <summary>
/// A benchmark sweep: every method × setting × dataset × seed, run through the services and summarised as the IM-IAD
/// uniform table (one row per method, one column per setting, efficiency beside accuracy). Read from YAML or JSON with
/// <see cref="BenchSweepReader"/>; stored as the bench run's <c>config_json</c>, so a bench resumes from its id alone.
/// </summary>
public sealed record BenchSweep
{
    /// <summary>Title of the table and the report.</summary>
    public string Name { get; init; } = "bench";

    /// <summary>Datasets, averaged unweighted into the suite figure (category → dataset → suite).</summary>
    public IReadOnlyList<BenchDataset> Datasets { get; init; } = [];

    /// <summary>Methods with their hyper-parameters; one table row each.</summary>
    public IReadOnlyList<BenchMethod> Methods { get; init; } = [];

    /// <summary>Settings; one table column each.</summary>
    public IReadOnlyList<BenchSetting> Settings { get; init; } = [];

    /// <summary>Seeds of the settings and fits; the table reports mean ± std over them. Default {0, 1, 2}.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2];

    /// <summary>Input side in pixels (multiple of 16); default 256.</summary>
    public int ImageSize { get; init; } = 256;

    /// <summary>Detections in flight per evaluation; 1 (default) measures unbatched per-image latency.</summary>
    public int Window { get; init; } = 1;

    /// <summary>
    /// Experiments run at once, 1..64; default 1. Above 1 the training jobs fan out over the training replicas the client
    /// balances across (a replica list or a <c>dns:///</c> name); one replica queues them.
    /// </summary>
    public int Parallel { get; init; } = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks every entry; returns the sweep.</summary>
    /// <exception cref="ArgumentException">An empty list, a duplicate, or an out-of-range value, named with its position.</exception>
    public BenchSweep Validated()
    {
        if (Datasets.Count == 0) throw new ArgumentException("The sweep lists no datasets.");
        if (Methods.Count == 0) throw new ArgumentException("The sweep lists no methods.");
        if (Settings.Count == 0) throw new ArgumentException("The sweep lists no settings.");
        if (Seeds.Count == 0) throw new ArgumentException("The sweep lists no seeds.");
        if (ImageSize is < 32 or > 1024 || ImageSize % 16 != 0) throw new ArgumentException($"image_size {ImageSize} is not a multiple of 16 in 32..1024.");
        if (Window is < 1 or > 256) throw new ArgumentException($"window {Window} is outside 1..256.");
        if (Parallel is < 1 or > 64) throw new ArgumentException($"parallel {Parallel} is outside 1..64.");
        foreach (var method in Methods) ContinualPlan.MethodEnum(method.Name);
        foreach (var setting in Settings) setting.Regime.Validated();
        foreach (var dataset in Datasets) dataset.Validated();
        Unique(Methods.Select(m => m.Label), "method");
        Unique(Settings.Select(s => s.Label), "setting");
        Unique(Datasets.Select(d => d.Label), "dataset");
        Unique(Seeds.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)), "seed");
        return this;
    }

    /// <summary>The sweep as stored in the bench run's <c>config_json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The sweep stored by <see cref="ToJson"/>.</summary>
    /// <exception cref="ArgumentException">The text holds no sweep.</exception>
    public static BenchSweep FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BenchSweep>(json, Json) ?? throw new ArgumentException("The bench run holds no sweep.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The bench run holds no readable sweep: {e.Message}", e);
        }
    }

    private static void Unique(IEnumerable<string> labels, string what)
    {
        var duplicate = labels.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The sweep lists {what} '{duplicate.Key}' twice; give the entries distinct names.");
    }
}

/// <summary>
/// A dataset of the sweep: a registered name, a server-side folder to register, or a synthetic dataset to generate.
/// </summary>
public sealed record BenchDataset
{
    /// <summary>Registered name; with <see cref="Path"/> or <see cref="Synthetic"/>, the name to register under.</summary>
    public string? Name { get; init; }

    /// <summary>Server-side folder (under the dataset service's allowed roots) registered before the sweep.</summary>
    public string? Path { get; init; }

    /// <summary>Synthetic dataset generated by the dataset service before the sweep.</summary>
    public BenchSynthetic? Synthetic { get; init; }

    /// <summary>Categories (tasks, in continual order); empty = the dataset's canonical list.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The name the table uses.</summary>
    [JsonIgnore]
    public string Label => Name ?? (Path is not null ? System.IO.Path.GetFileName(Path.TrimEnd('/')) : Synthetic is not null ? "synthetic" : "dataset");

    internal BenchDataset Validated()
    {
        var sources = (Path is null ? 0 : 1) + (Synthetic is null ? 0 : 1);
        if (sources > 1) throw new ArgumentException($"Dataset '{Label}' gives both a path and a synthetic spec; choose one.");
        if (sources == 0 && string.IsNullOrEmpty(Name)) throw new ArgumentException("A dataset entry needs a name, a path or a synthetic spec.");
        if (Synthetic is { Categories: < 1 or > 32 } bad) throw new ArgumentException($"Synthetic dataset '{Label}': categories {bad.Categories} is outside 1..32.");
        return this;
    }
}

/// <summary>Options of a synthetic dataset generated for the sweep (see <c>GenerateSyntheticDataset</c>).</summary>
public sealed record BenchSynthetic
{
    /// <summary>Categories, 1..32; default 3.</summary>
    public int Categories { get; init; } = 3;

    /// <summary>Generator seed (independent of the sweep's seeds).</summary>
    public int Seed { get; init; }

    /// <summary>Defect visibility in [0, 1]; the service default (0.5) when null.</summary>
    public double? Difficulty { get; init; }

    /// <summary>Image side of the files; the sweep's input size when null.</summary>
    public int? ImageSize { get; init; }
}

/// <summary>A method of the sweep and its hyper-parameters (service defaults when null).</summary>
public sealed record BenchMethod
{
    /// <summary><c>patchcore</c> or <c>padim</c>.</summary>
    public string Name { get; init; } = "patchcore";

    /// <summary>Row label; default the method name (give one to sweep one method with two configurations).</summary>
    public string? Title { get; init; }

    /// <summary>PatchCore coreset ratio.</summary>
    public double? CoresetRatio { get; init; }

    /// <summary>PatchCore bank rows kept over all continual tasks; 0 = unbounded.</summary>
    public long MemoryBudget { get; init; }

    /// <summary>PaDiM kept channels.</summary>
    public int? FeatureDim { get; init; }

    /// <summary>PaDiM pools the statistics of all continual tasks instead of refitting.</summary>
    public bool RunningAverage { get; init; }

    /// <summary>The name the table uses.</summary>
    [JsonIgnore]
    public string Label => Title ?? Name;
}

/// <summary>
/// A setting of the sweep: a regime run per category (one model per category, averaged), or — when
/// <see cref="Continual"/> — the dataset's categories learned in order by one model, reported as final accuracy and FM.
/// </summary>
public sealed record BenchSetting
{
    /// <summary>The training regime.</summary>
    public ExperimentSetting Regime { get; init; } = ExperimentSetting.Vanilla;

    /// <summary>Learn the categories as one continual sequence.</summary>
    public bool Continual { get; init; }

    /// <summary>The column label: the regime's, or <c>continual</c> (plus a non-vanilla regime).</summary>
    [JsonIgnore]
    public string Label => Regime.LabelFor(sequence: Continual);
}
