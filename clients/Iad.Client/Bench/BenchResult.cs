namespace Iad.Client.Bench;

/// <summary>One cell of a sweep: a method on a dataset under a setting with a seed, averaged over its categories.</summary>
/// <param name="Method">The method's label.</param>
/// <param name="Dataset">The dataset's label.</param>
/// <param name="Setting">The setting's label.</param>
/// <param name="Seed">The seed.</param>
/// <param name="RunIds">Results-store runs behind the cell (one per category, or one continual run).</param>
/// <param name="Figures">Category mean (or the continual run's figures).</param>
public sealed record BenchCellResult(string Method, string Dataset, string Setting, int Seed, IReadOnlyList<string> RunIds, BenchFigures Figures);

/// <summary>Outcome of a sweep.</summary>
/// <param name="BenchRunId">The bench run (pass to <c>iad bench --resume</c>).</param>
/// <param name="Sweep">The sweep that ran.</param>
/// <param name="Cells">Every cell, in sweep order (seed, dataset, method, setting).</param>
/// <param name="ExperimentsComputed">Experiment runs that evaluated at least one cell in this call (0 when all were stored).</param>
public sealed record BenchResult(string BenchRunId, BenchSweep Sweep, IReadOnlyList<BenchCellResult> Cells, int ExperimentsComputed)
{
    /// <summary>The uniform table of the cells.</summary>
    public BenchTable Table() => BenchTable.Build(Sweep, Cells);
}
