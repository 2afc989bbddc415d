using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>Keeps k seed-drawn normal training units; copies are added when the items are expanded.</summary>
internal static class FewShotRegime
{
    public static TaskDraft Draw(TaskContext context, FewShotOptions options)
    {
        var shipped = ShippedSplits.Of(context);
        if (options.Shots > shipped.TrainNormal.Count)
        {
            throw new SettingException(Invariant(
                $"few-shot k={options.Shots} exceeds the {shipped.TrainNormal.Count} normal training images of '{context.Category}'."));
        }

        var shots = context.Shuffled(shipped.TrainNormal, "few-shot").Take(options.Shots);
        return TaskDraft.Of(
            shots.Select(SplitEntry.Truthful),
            shipped.Test.Select(SplitEntry.Truthful),
            new Dictionary<string, double> { [AchievedKeys.Shots] = options.Shots });
    }
}
