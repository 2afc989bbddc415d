using Iad.Datasets.Model;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>
/// A category's units by the split the dataset ships. Units of an unsplit dataset are assigned: every anomalous unit
/// to test, round(<see cref="TaskContext.UnsplitTestFraction"/> · normal units) seed-drawn normal units to test, the
/// rest to train. Units of a shipped validation split (MVTec LOCO AD) are in none of the lists.
/// </summary>
internal sealed record ShippedSplits(IReadOnlyList<SettingUnit> TrainNormal, IReadOnlyList<SettingUnit> TrainAnomalous, IReadOnlyList<SettingUnit> Test)
{
    public IEnumerable<SettingUnit> TestAnomalous => Test.Where(static u => u.IsAnomalous);

    public static ShippedSplits Of(TaskContext context)
    {
        var train = new List<SettingUnit>();
        var test = new List<SettingUnit>();
        var unsplitNormal = new List<SettingUnit>();
        foreach (var unit in context.Units)
        {
            switch (unit.Sample.Split)
            {
                case DatasetSplit.Train:
                    train.Add(unit);
                    break;
                case DatasetSplit.Test:
                    test.Add(unit);
                    break;
                case DatasetSplit.Unsplit when unit.IsAnomalous:
                    test.Add(unit);
                    break;
                case DatasetSplit.Unsplit:
                    unsplitNormal.Add(unit);
                    break;
            }
        }

        if (unsplitNormal.Count > 0)
        {
            var toTest = (int)Math.Round(context.UnsplitTestFraction * unsplitNormal.Count, MidpointRounding.AwayFromZero);
            var shuffled = context.Shuffled(unsplitNormal, "unsplit");
            test.AddRange(shuffled.Take(toTest));
            train.AddRange(shuffled.Skip(toTest));
        }

        return new ShippedSplits(
            train.Where(static u => !u.IsAnomalous).ToArray(),
            train.Where(static u => u.IsAnomalous).ToArray(),
            test.ToArray());
    }
}
