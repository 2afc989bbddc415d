using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>Moves labelled anomalies into train (see <see cref="FullySupervisedOptions"/>).</summary>
internal static class FullySupervisedRegime
{
    public static TaskDraft Draw(TaskContext context, FullySupervisedOptions options)
    {
        var shipped = ShippedSplits.Of(context);
        var normal = shipped.TrainNormal.Select(SplitEntry.Truthful);
        if (options.UseDatasetTrainAnomalies)
        {
            if (shipped.TrainAnomalous.Count == 0)
            {
                throw new SettingException(Invariant(
                    $"fully supervised with the dataset's own train anomalies needs at least 1 but category '{context.Category}' has 0 anomalous training samples."));
            }

            return TaskDraft.Of(
                normal.Concat(shipped.TrainAnomalous.Select(SplitEntry.Truthful)),
                shipped.Test.Select(SplitEntry.Truthful),
                Figures(shipped.TrainAnomalous.Count));
        }

        var anomalies = shipped.TestAnomalous.ToArray();
        if (anomalies.Length < options.Anomalies)
        {
            throw new SettingException(Invariant(
                $"fully supervised needs {options.Anomalies} anomalies in category '{context.Category}' but its test split has {anomalies.Length}."));
        }

        if (anomalies.Length == options.Anomalies)
        {
            throw new SettingException(Invariant(
                $"fully supervised with {options.Anomalies} anomalies would leave none in the test split of category '{context.Category}', which has {anomalies.Length}."));
        }

        var moved = AcrossDefectTypes(context, anomalies, options.Anomalies);
        var movedIds = moved.Select(static u => u.Id).ToHashSet(StringComparer.Ordinal);
        return TaskDraft.Of(
            normal.Concat(moved.Select(SplitEntry.Truthful)),
            shipped.Test.Where(u => !movedIds.Contains(u.Id)).Select(SplitEntry.Truthful),
            Figures(moved.Count));
    }

    /// <summary>
    /// Round-robin over defect types (ordinal names, null as empty) in a seed-shuffled order, each type's units
    /// seed-shuffled, until <paramref name="count"/> are taken; a type that runs out is skipped.
    /// </summary>
    private static List<SettingUnit> AcrossDefectTypes(TaskContext context, IReadOnlyList<SettingUnit> anomalies, int count)
    {
        var byType = anomalies
            .GroupBy(static u => u.DefectType ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(g => new Queue<SettingUnit>(context.Shuffled(g, "supervised|" + g.Key)))
            .ToArray();
        var queues = context.Shuffled(byType, "supervised-types");
        var taken = new List<SettingUnit>(count);
        while (taken.Count < count)
        {
            foreach (var queue in queues)
            {
                if (taken.Count < count && queue.Count > 0)
                {
                    taken.Add(queue.Dequeue());
                }
            }
        }

        return taken;
    }

    private static Dictionary<string, double> Figures(int anomalies) => new() { [AchievedKeys.SupervisedAnomalies] = anomalies };
}
