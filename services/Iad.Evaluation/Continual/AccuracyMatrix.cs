namespace Iad.Evaluation.Continual;

/// <summary>
/// Continual-learning accuracy matrix for any metric (I-AUROC, P-AUPRO, …): T[k, j] is the metric on task j measured
/// after training task k, defined for j ≤ k. Tasks are numbered 0..K with K the last trained task.
/// Forgetting FM_j^k = max_{l&lt;k} T[l, j] − T[k, j] (over the l with j ≤ l &lt; k); mean forgetting = mean over j &lt; K
/// of FM_j^K; final mean accuracy = mean over j ≤ K of T[K, j].
/// </summary>
/// <remarks>
/// Reading a missing entry throws <see cref="InvalidOperationException"/> naming it; forgetting with a single task
/// (no j &lt; K) throws <see cref="UndefinedMetricException"/>.
/// </remarks>
public sealed class AccuracyMatrix
{
    private readonly List<double?[]> _rows = [];

    /// <summary>Number of tasks trained so far (K + 1).</summary>
    public int Tasks => _rows.Count;

    /// <summary>Records T[<paramref name="afterTask"/>, <paramref name="evaluatedTask"/>]; rows may be filled in any order.</summary>
    public void Record(int afterTask, int evaluatedTask, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(evaluatedTask);
        if (evaluatedTask > afterTask)
            throw new ArgumentOutOfRangeException(nameof(evaluatedTask), evaluatedTask, $"task {evaluatedTask} cannot be evaluated after training only up to task {afterTask}.");
        if (double.IsNaN(value)) throw new ArgumentException($"T[{afterTask}, {evaluatedTask}] is NaN.", nameof(value));
        while (_rows.Count <= afterTask) _rows.Add(new double?[_rows.Count + 1]);
        _rows[afterTask][evaluatedTask] = value;
    }

    /// <summary>T[k, j].</summary>
    public double this[int afterTask, int evaluatedTask] =>
        afterTask >= 0 && afterTask < _rows.Count && evaluatedTask >= 0 && evaluatedTask <= afterTask && _rows[afterTask][evaluatedTask] is { } v
            ? v
            : throw new InvalidOperationException($"T[{afterTask}, {evaluatedTask}] has not been recorded ({_rows.Count} tasks so far).");

    /// <summary>FM_j^k = max over j ≤ l &lt; k of T[l, j] − T[k, j]; requires j &lt; k.</summary>
    public double Forgetting(int evaluatedTask, int afterTask)
    {
        if (evaluatedTask >= afterTask)
            throw new ArgumentOutOfRangeException(nameof(evaluatedTask), evaluatedTask, $"forgetting of task {evaluatedTask} needs a later task than {afterTask}.");
        var best = double.NegativeInfinity;
        for (var l = evaluatedTask; l < afterTask; l++) best = Math.Max(best, this[l, evaluatedTask]);
        return best - this[afterTask, evaluatedTask];
    }

    /// <summary>Mean over j &lt; K of FM_j^K, with K the last task.</summary>
    public double MeanForgetting()
    {
        var last = _rows.Count - 1;
        if (last < 1) throw new UndefinedMetricException("mean forgetting", $"it needs at least two tasks, found {_rows.Count}.");
        var sum = 0.0;
        for (var j = 0; j < last; j++) sum += Forgetting(j, last);
        return sum / last;
    }

    /// <summary>Mean over j ≤ K of T[K, j], with K the last task.</summary>
    public double FinalMeanAccuracy()
    {
        var last = _rows.Count - 1;
        if (last < 0) throw new UndefinedMetricException("final mean accuracy", "no task has been recorded.");
        var sum = 0.0;
        for (var j = 0; j <= last; j++) sum += this[last, j];
        return sum / (last + 1);
    }
}
