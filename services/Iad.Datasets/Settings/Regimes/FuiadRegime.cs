using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Specs;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>Fixed test set, constant training size, α anomalous samples labelled normal (see <see cref="FuiadOptions"/>).</summary>
internal static class FuiadRegime
{
    public static TaskDraft Draw(TaskContext context, FuiadOptions options)
    {
        if (options.UseDatasetSplits)
        {
            return Shipped(context);
        }

        var normal = context.Units.Where(static u => !u.IsAnomalous).ToArray();
        var anomalous = context.Units.Where(static u => u.IsAnomalous).ToArray();
        Require(context, options.TestNormalSamples, normal.Length, "normal");
        Require(context, options.TestAnomalousSamples, anomalous.Length, "anomalous");

        // The test draw uses its own streams, which never see alpha: the test set is the same for every alpha.
        var normalOrder = context.Shuffled(normal, "fuiad-test-normal");
        var anomalousOrder = context.Shuffled(anomalous, "fuiad-test-anomalous");
        var test = normalOrder.Take(options.TestNormalSamples).Concat(anomalousOrder.Take(options.TestAnomalousSamples));
        var normalPool = context.Shuffled(normalOrder.Skip(options.TestNormalSamples), "fuiad-train-normal");
        var anomalousPool = context.Shuffled(anomalousOrder.Skip(options.TestAnomalousSamples), "fuiad-train-anomalous");

        var nTrain = Math.Min(normalPool.Length, (int)Math.Floor(anomalousPool.Length / options.AlphaMax));
        if (nTrain == 0)
        {
            throw new SettingException(Invariant(
                $"FUIAD leaves no training samples in category '{context.Category}': normal pool {normalPool.Length}, anomalous pool {anomalousPool.Length}, alpha_max={options.AlphaMax}."));
        }

        var nAnomalous = (int)Math.Round(options.Alpha * nTrain, MidpointRounding.AwayFromZero);
        if (nAnomalous == nTrain)
        {
            throw new SettingException(Invariant(
                $"FUIAD alpha={options.Alpha} leaves no normal images among the {nTrain} training samples of category '{context.Category}'."));
        }

        var train = normalPool.Take(nTrain - nAnomalous).Select(SplitEntry.Truthful)
            .Concat(anomalousPool.Take(nAnomalous).Select(static u => new SplitEntry(u, SampleLabel.Normal)));
        return TaskDraft.Of(train, test.Select(SplitEntry.Truthful), new Dictionary<string, double>
        {
            [AchievedKeys.FuiadTrainSamples] = nTrain,
            [AchievedKeys.NormalPool] = normalPool.Length,
            [AchievedKeys.AnomalousPool] = anomalousPool.Length,
        });
    }

    private static TaskDraft Shipped(TaskContext context)
    {
        var train = context.Units.Where(static u => u.Sample.Split == DatasetSplit.Train).Select(static u => new SplitEntry(u, SampleLabel.Normal));
        var test = context.Units.Where(static u => u.Sample.Split == DatasetSplit.Test).Select(SplitEntry.Truthful);
        return TaskDraft.Of(train, test);
    }

    private static void Require(TaskContext context, int wanted, int available, string label)
    {
        if (wanted > available)
        {
            throw new SettingException(Invariant(
                $"FUIAD needs {wanted} {label} test samples in category '{context.Category}' but it has {available} {label} samples."));
        }
    }
}
