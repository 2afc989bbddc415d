using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>Train on training subclasses, test on test subclasses (see <see cref="CrossSubclassOptions"/>).</summary>
internal static class CrossSubclassRegime
{
    public static TaskDraft Draw(TaskContext context, CrossSubclassOptions options)
    {
        if (context.Units.Any(static u => u.Sample.Subclass is null))
        {
            throw new SettingException($"cross-subclass needs subclasses but category '{context.Category}' has samples without one.");
        }

        var shipped = ShippedSplits.Of(context);
        var trainSubclasses = Select(context, options.TrainSubclasses, shipped.TrainNormal, "training");
        var testSubclasses = Select(context, options.TestSubclasses, shipped.Test, "test");
        var train = shipped.TrainNormal.Where(u => trainSubclasses.Contains(u.Sample.Subclass!)).Select(SplitEntry.Truthful);
        var test = shipped.Test.Where(u => testSubclasses.Contains(u.Sample.Subclass!)).Select(SplitEntry.Truthful);
        return TaskDraft.Of(train, test, new Dictionary<string, double>
        {
            [AchievedKeys.TrainSubclasses] = trainSubclasses.Count,
            [AchievedKeys.TestSubclasses] = testSubclasses.Count,
        });
    }

    /// <summary>The requested subclasses, or every subclass present in <paramref name="units"/> when none are requested.</summary>
    private static HashSet<string> Select(TaskContext context, IReadOnlyList<string> requested, IEnumerable<SettingUnit> units, string role)
    {
        var present = units.Select(static u => u.Sample.Subclass!).ToHashSet(StringComparer.Ordinal);
        if (requested.Count == 0)
        {
            return present;
        }

        foreach (var name in requested)
        {
            if (!present.Contains(name))
            {
                var existing = present.Order(StringComparer.Ordinal);
                throw new SettingException(Invariant(
                    $"subclass '{name}' has no {role} samples in category '{context.Category}'; subclasses with {role} samples: {string.Join(", ", existing)}."));
            }
        }

        return requested.ToHashSet(StringComparer.Ordinal);
    }
}
