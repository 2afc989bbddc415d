using Iad.Datasets.Model;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>A unit placed in a split with the label the setting gives it.</summary>
internal sealed record SplitEntry(SettingUnit Unit, SampleLabel Label)
{
    /// <summary>An entry labelled with its ground truth.</summary>
    public static SplitEntry Truthful(SettingUnit unit) => new(unit, unit.Label);
}
