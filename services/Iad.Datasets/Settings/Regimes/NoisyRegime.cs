using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>Injects test anomalies labelled normal into train (see <see cref="NoisyOptions"/>).</summary>
internal static class NoisyRegime
{
    public static TaskDraft Draw(TaskContext context, NoisyOptions options)
    {
        var shipped = ShippedSplits.Of(context);
        var m = shipped.TrainNormal.Count;
        if (m == 0)
        {
            throw new SettingException($"noisy labels need normal training samples but category '{context.Category}' has none.");
        }

        var anomalies = shipped.TestAnomalous.ToArray();
        var figures = new Dictionary<string, double>();
        IReadOnlyList<SettingUnit> normal = shipped.TrainNormal;
        int n;
        if (options.Mode == NoiseMode.Add)
        {
            var wanted = Round(options.Ratio * m / (1 - options.Ratio));
            var cap = (int)Math.Floor(options.MaxTestAnomalyShare * anomalies.Length);
            n = Math.Min(wanted, cap);
            figures[AchievedKeys.NoiseCap] = cap;
            if (n == 0 && wanted > 0)
            {
                throw new SettingException(Invariant(
                    $"noisy add r={options.Ratio} needs {wanted} anomalies in category '{context.Category}' but {options.MaxTestAnomalyShare} of its {anomalies.Length} test anomalies rounds down to 0."));
            }
        }
        else
        {
            n = Round(options.Ratio * m);
            if (n >= anomalies.Length)
            {
                throw new SettingException(Invariant(
                    $"noisy replace r={options.Ratio} needs {n} test anomalies in category '{context.Category}' but its test split has {anomalies.Length} (at least one must stay in test)."));
            }

            normal = context.Shuffled(normal, "noisy-replace").Skip(n).ToArray();
        }

        var injected = context.Shuffled(anomalies, "noisy-inject").Take(n).ToArray();
        var injectedIds = injected.Select(static u => u.Id).ToHashSet(StringComparer.Ordinal);
        figures[AchievedKeys.NoiseInjected] = n;
        return TaskDraft.Of(
            normal.Select(SplitEntry.Truthful).Concat(injected.Select(static u => new SplitEntry(u, SampleLabel.Normal))),
            shipped.Test.Where(u => !injectedIds.Contains(u.Id)).Select(SplitEntry.Truthful),
            figures);
    }

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);
}
