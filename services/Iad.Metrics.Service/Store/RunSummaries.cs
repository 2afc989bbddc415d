using Iad.Contracts.V1;
using Iad.Evaluation.Continual;

namespace Iad.Metrics.Service.Store;

/// <summary>Derived views of stored runs: comparisons and continual summaries.</summary>
public static class RunSummaries
{
    /// <summary>
    /// A run's headline figures: each metric averaged (unweighted) over the tasks evaluated after the last trained
    /// task, and the efficiency of the last row. Metrics without a value are left out, never counted as 0.
    /// </summary>
    public static RunComparison Compare(Run run, IReadOnlyCollection<string> metricNames)
    {
        var comparison = new RunComparison { RunId = run.RunId, Method = run.Method, Dataset = run.Dataset, Setting = run.Setting };
        if (run.Rows.Count == 0) return comparison;

        var lastTask = run.Rows.Max(r => r.TrainedTask);
        var finalRows = run.Rows.Where(r => r.TrainedTask == lastTask).ToList();
        foreach (var group in finalRows.SelectMany(r => r.Metrics).Where(m => m.HasValue).GroupBy(m => m.Name))
        {
            if (metricNames.Count > 0 && !metricNames.Contains(group.Key)) continue;
            comparison.Metrics[group.Key] = group.Average(m => m.Value);
        }
        comparison.Efficiency = finalRows[^1].Efficiency;
        return comparison;
    }

    /// <summary>T[k, j] of <paramref name="metric"/> from the run's rows, with forgetting and final accuracy.</summary>
    public static GetContinualSummaryResponse Continual(Run run, string metric)
    {
        var matrix = new AccuracyMatrix();
        var recorded = new HashSet<(int, int)>();
        foreach (var row in run.Rows)
        {
            var value = row.Metrics.FirstOrDefault(m => m.Name == metric);
            if (value is not { HasValue: true } || double.IsNaN(value.Value)) continue;
            matrix.Record(row.TrainedTask, row.EvalTask, value.Value);
            recorded.Add((row.TrainedTask, row.EvalTask));
        }

        var tasks = matrix.Tasks;
        var response = new GetContinualSummaryResponse { Tasks = tasks };
        for (var k = 0; k < tasks; k++)
        {
            for (var j = 0; j < tasks; j++) response.Matrix.Add(recorded.Contains((k, j)) ? matrix[k, j] : double.NaN);
        }
        if (tasks == 0 || !IsComplete(recorded, tasks - 1)) return response;

        response.FinalAccuracy = matrix.FinalMeanAccuracy();
        if (tasks > 1)
        {
            for (var j = 0; j < tasks - 1; j++) response.Forgetting.Add(matrix.Forgetting(j, tasks - 1));
            response.MeanForgetting = matrix.MeanForgetting();
        }
        return response;
    }

    private static bool IsComplete(HashSet<(int, int)> recorded, int lastTask)
    {
        for (var k = 0; k <= lastTask; k++)
        {
            for (var j = 0; j <= k; j++)
            {
                if (!recorded.Contains((k, j))) return false;
            }
        }
        return true;
    }
}
