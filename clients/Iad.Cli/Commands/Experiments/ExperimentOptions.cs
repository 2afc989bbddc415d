using System.CommandLine;
using Iad.Client.Experiments;

namespace Iad.Cli.Commands.Experiments;

/// <summary>The method and hyper-parameter options of <c>iad eval</c> and <c>iad continual</c>.</summary>
internal sealed class ExperimentOptions
{
    public Option<string> Dataset { get; } = new("--dataset") { Description = "Registered dataset name (see 'iad datasets list')" };

    public Option<string> Method { get; } = new("--method") { Description = "patchcore or padim", DefaultValueFactory = _ => "patchcore" };

    public Option<string> Setting { get; } = new("--setting")
    {
        Description = "Training regime of every task: vanilla, noisy[:ratio], few_shot[:shots] or drift",
        DefaultValueFactory = _ => "vanilla",
    };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the setting and every fit", DefaultValueFactory = _ => 0 };

    public Option<int> ImageSize { get; } = new("--image-size") { Description = "Input side in pixels (multiple of 16)", DefaultValueFactory = _ => 256 };

    public Option<double?> CoresetRatio { get; } = new("--coreset-ratio") { Description = "PatchCore coreset share of all patches (default 0.1)" };

    public Option<long> MemoryBudget { get; } = new("--memory-budget") { Description = "PatchCore bank rows kept over all tasks (0 = unbounded)" };

    public Option<int?> FeatureDim { get; } = new("--feature-dim") { Description = "PaDiM kept channels (default 100)" };

    public Option<bool> RunningAverage { get; } = new("--running-average") { Description = "PaDiM pools the statistics of all tasks instead of refitting" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Dataset, Method, Setting, Seed, ImageSize, CoresetRatio, MemoryBudget, FeatureDim, RunningAverage }) command.Add(option);
    }

    public ContinualPlan Plan(ParseResult parse, IReadOnlyList<string> tasks) => new()
    {
        Dataset = parse.GetValue(Dataset) ?? throw new ArgumentException("--dataset is required."),
        Tasks = tasks,
        Method = parse.GetValue(Method)!,
        Regime = ExperimentSetting.Parse(parse.GetValue(Setting)!),
        Seed = parse.GetValue(Seed),
        ImageSize = parse.GetValue(ImageSize),
        CoresetRatio = parse.GetValue(CoresetRatio),
        MemoryBudget = parse.GetValue(MemoryBudget),
        FeatureDim = parse.GetValue(FeatureDim),
        RunningAverage = parse.GetValue(RunningAverage),
    };
}
