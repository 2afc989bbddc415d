using Iad.Client.Experiments;
using Iad.Contracts.V1;

namespace Iad.Client.Bench;

/// <summary>
/// Runs a <see cref="BenchSweep"/> across the services. Every (seed, dataset, method, setting) cell is one experiment
/// per category — or one continual sequence over the categories — driven by the <see cref="ContinualRunner"/> and
/// stored as its own run whose idempotency key derives from the bench run and the cell. So <see cref="ResumeAsync"/>
/// continues a stopped sweep from the stored cells of every experiment: nothing already stored is recomputed.
/// Experiments run <see cref="BenchSweep.Parallel"/> at a time.
/// </summary>
public sealed class BenchRunner(IadClient client)
{
    /// <summary>Creates a bench run for <paramref name="sweep"/> and runs every cell.</summary>
    /// <exception cref="ArgumentException">An invalid sweep, an unknown dataset or category.</exception>
    public async Task<BenchResult> RunAsync(BenchSweep sweep, IProgress<ExperimentEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        sweep.Validated();
        var datasets = await PrepareAsync(sweep, cancellationToken).ConfigureAwait(false);
        var create = new CreateRunRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Kind = "bench",
            Method = string.Join(",", sweep.Methods.Select(m => m.Label)),
            Dataset = string.Join(",", sweep.Datasets.Select(d => d.Label)),
            Setting = string.Join(",", sweep.Settings.Select(s => s.Label)),
            Seed = sweep.Seeds[0],
            ConfigJson = sweep.ToJson(),
        };
        var run = (await client.Metrics.CreateRunAsync(create, cancellationToken: cancellationToken).ConfigureAwait(false)).Run;
        progress?.Report(new ExperimentEvent("run", -1, -1, 0, 0, $"bench {run.RunId}: '{sweep.Name}'"));
        return await ExecuteAsync(run.RunId, sweep, datasets, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Continues the bench run <paramref name="benchRunId"/> from the cells its experiments stored.</summary>
    /// <exception cref="ArgumentException">The run is not a bench run.</exception>
    public async Task<BenchResult> ResumeAsync(string benchRunId, IProgress<ExperimentEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = benchRunId }, cancellationToken: cancellationToken).ConfigureAwait(false)).Run;
        if (run.Kind != "bench") throw new ArgumentException($"Run '{benchRunId}' is a {run.Kind} run, not a bench run.");
        var sweep = BenchSweep.FromJson(run.ConfigJson).Validated();
        var datasets = await PrepareAsync(sweep, cancellationToken).ConfigureAwait(false);
        progress?.Report(new ExperimentEvent("run", -1, -1, 0, 0, $"resuming bench {run.RunId}: '{sweep.Name}'"));
        return await ExecuteAsync(run.RunId, sweep, datasets, progress, cancellationToken).ConfigureAwait(false);
    }

    private async Task<BenchResult> ExecuteAsync(string benchRunId, BenchSweep sweep, IReadOnlyList<PreparedDataset> datasets,
        IProgress<ExperimentEvent>? progress, CancellationToken cancellationToken)
    {
        var experiments = new List<Experiment>();
        foreach (var seed in sweep.Seeds)
        foreach (var (spec, name, categories) in datasets)
        foreach (var method in sweep.Methods)
        foreach (var setting in sweep.Settings)
        {
            var cell = new CellKey(method.Label, spec.Label, setting.Label, seed);
            IEnumerable<IReadOnlyList<string>> units = setting.Continual ? [categories] : categories.Select(c => (IReadOnlyList<string>)[c]);
            foreach (var tasks in units)
            {
                var plan = new ContinualPlan
                {
                    Dataset = name,
                    Tasks = tasks,
                    Method = method.Name,
                    Regime = setting.Regime,
                    Seed = seed,
                    ImageSize = sweep.ImageSize,
                    CoresetRatio = method.CoresetRatio,
                    MemoryBudget = method.MemoryBudget,
                    FeatureDim = method.FeatureDim,
                    RunningAverage = method.RunningAverage,
                    Window = sweep.Window,
                    RunKey = $"{benchRunId}/{seed}/{spec.Label}/{method.Label}/{setting.Label}/{(setting.Continual ? "*" : tasks[0])}",
                };
                experiments.Add(new Experiment(cell, plan, setting.Continual));
            }
        }

        var runner = new ContinualRunner(client);
        var figures = new BenchFigures[experiments.Count];
        var runIds = new string[experiments.Count];
        var computed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, experiments.Count),
            new ParallelOptions { MaxDegreeOfParallelism = sweep.Parallel, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var experiment = experiments[i];
                var label = $"[{i + 1}/{experiments.Count} {experiment.Cell.Method} · {experiment.Cell.Setting} · {experiment.Cell.Dataset}" +
                            $"{(experiment.Continual ? "" : $"/{experiment.Plan.Tasks[0]}")} · seed {experiment.Cell.Seed}]";
                var prefixed = progress is null ? null : new PrefixedProgress(progress, label);
                var result = await runner.RunAsync(experiment.Plan, prefixed, token).ConfigureAwait(false);
                var run = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = result.RunId }, cancellationToken: token).ConfigureAwait(false)).Run;
                figures[i] = BenchFigures.FromRun(run, result, experiment.Continual);
                runIds[i] = result.RunId;
                if (result.CellsComputed > 0) Interlocked.Increment(ref computed);
            }).ConfigureAwait(false);

        var cells = experiments
            .Select((e, i) => (e.Cell, Index: i))
            .GroupBy(e => e.Cell)
            .Select(g => new BenchCellResult(g.Key.Method, g.Key.Dataset, g.Key.Setting, g.Key.Seed,
                [.. g.Select(e => runIds[e.Index])], BenchFigures.Mean([.. g.Select(e => figures[e.Index])])))
            .ToList();
        progress?.Report(new ExperimentEvent("summary", -1, -1, 0, 0, $"bench {benchRunId}: {cells.Count} cells, {computed} experiments computed"));
        return new BenchResult(benchRunId, sweep, cells, computed);
    }

    private async Task<List<PreparedDataset>> PrepareAsync(BenchSweep sweep, CancellationToken cancellationToken)
    {
        var datasets = new List<PreparedDataset>();
        foreach (var dataset in sweep.Datasets)
        {
            var (name, categories) = await PrepareAsync(dataset, sweep.ImageSize, cancellationToken).ConfigureAwait(false);
            datasets.Add(new PreparedDataset(dataset, name, categories));
        }
        return datasets;
    }

    private async Task<(string Name, IReadOnlyList<string> Categories)> PrepareAsync(BenchDataset spec, int imageSize, CancellationToken cancellationToken)
    {
        Dataset dataset;
        if (spec.Synthetic is { } synthetic)
        {
            var size = synthetic.ImageSize ?? imageSize;
            var request = new GenerateSyntheticDatasetRequest
            {
                Name = spec.Name ?? $"bench-synthetic-{synthetic.Seed}-{synthetic.Categories}-{size}",
                Categories = synthetic.Categories,
                Seed = synthetic.Seed,
                ImageSize = size,
            };
            if (synthetic.Difficulty is { } difficulty) request.Difficulty = difficulty;
            dataset = (await client.Dataset.GenerateSyntheticDatasetAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false)).Dataset;
        }
        else if (spec.Path is { } path)
        {
            var request = new RegisterDatasetRequest { Name = spec.Name ?? RegistrationName(path), Root = path };
            dataset = (await client.Dataset.RegisterDatasetAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false)).Dataset;
        }
        else
        {
            var registered = (await client.Dataset.ListDatasetsAsync(new ListDatasetsRequest(), cancellationToken: cancellationToken).ConfigureAwait(false)).Datasets;
            dataset = registered.FirstOrDefault(d => d.Name == spec.Name)
                ?? throw new ArgumentException($"Dataset '{spec.Name}' is not registered; registered datasets are [{string.Join(", ", registered.Select(d => d.Name))}].");
        }

        if (spec.Categories.Count == 0) return (dataset.Name, [.. dataset.Categories]);
        var unknown = spec.Categories.Where(c => !dataset.Categories.Contains(c)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Dataset '{dataset.Name}' has no categories [{string.Join(", ", unknown)}]; it has [{string.Join(", ", dataset.Categories)}].");
        return (dataset.Name, spec.Categories);
    }

    private static string RegistrationName(string path)
    {
        var folder = Path.GetFileName(path.TrimEnd('/', '\\')).ToLowerInvariant();
        var name = new string([.. folder.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-')]);
        return name.Length is > 0 and <= 64 ? name : throw new ArgumentException($"Give dataset '{path}' a name: its folder name does not make one.");
    }

    private sealed record PreparedDataset(BenchDataset Spec, string Name, IReadOnlyList<string> Categories);

    private sealed record CellKey(string Method, string Dataset, string Setting, int Seed);

    private sealed record Experiment(CellKey Cell, ContinualPlan Plan, bool Continual);

    private sealed class PrefixedProgress(IProgress<ExperimentEvent> inner, string prefix) : IProgress<ExperimentEvent>
    {
        public void Report(ExperimentEvent value) => inner.Report(value with { Message = $"{prefix} {value.Message}" });
    }
}
