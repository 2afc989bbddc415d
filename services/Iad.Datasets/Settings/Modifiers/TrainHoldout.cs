using Iad.Datasets.Settings.Regimes;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Modifiers;

/// <summary>Seed-drawn subsets of a task's train entries: the train fraction and the validation hold-out.</summary>
internal static class TrainHoldout
{
    /// <summary>Keeps max(1, round(<paramref name="fraction"/> · n)) entries; all when the fraction is 1.</summary>
    public static IReadOnlyList<SplitEntry> Subsample(TaskContext context, IReadOnlyList<SplitEntry> train, double fraction)
    {
        if (fraction >= 1 || train.Count == 0)
        {
            return train;
        }

        var keep = Math.Max(1, Round(fraction * train.Count));
        return context.Shuffled(train, "train-fraction").Take(keep).ToArray();
    }

    /// <summary>Moves max(1, round(<paramref name="fraction"/> · n)) entries to validation; at least one must stay.</summary>
    public static (IReadOnlyList<SplitEntry> Train, IReadOnlyList<SplitEntry> Validation) Validation(TaskContext context, IReadOnlyList<SplitEntry> train, double fraction)
    {
        var held = Math.Max(1, Round(fraction * train.Count));
        if (held >= train.Count)
        {
            throw new SettingException(Invariant(
                $"validation fraction={fraction} holds out {held} of the {train.Count} training samples of '{context.Category}' and leaves none to train on."));
        }

        var shuffled = context.Shuffled(train, "validation");
        return (shuffled.Skip(held).ToArray(), shuffled.Take(held).ToArray());
    }

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
}
