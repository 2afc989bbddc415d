namespace Iad.Datasets.Settings.Regimes;

/// <summary>Train = shipped normal training units; test = shipped test units (shipped training anomalies are unused).</summary>
internal static class UnsupervisedRegime
{
    public static TaskDraft Draw(TaskContext context)
    {
        var shipped = ShippedSplits.Of(context);
        return TaskDraft.Of(shipped.TrainNormal.Select(SplitEntry.Truthful), shipped.Test.Select(SplitEntry.Truthful));
    }
}
