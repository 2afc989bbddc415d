using Iad.Datasets.Model;
using Iad.Datasets.Settings.Regimes;

namespace Iad.Datasets.Settings.Modifiers;

/// <summary>
/// Turns samples into <see cref="SettingUnit"/>s: all views, or only the single view asked for (samples without it
/// are left out, and the unit's label is that view's label).
/// </summary>
internal sealed class ViewSelection
{
    private readonly string? _view;

    private ViewSelection(string? view) => _view = view;

    /// <exception cref="SettingException">The view exists in no sample; the message lists the views that do.</exception>
    public static ViewSelection Create(DatasetScan scan, string? singleView)
    {
        if (singleView is not null && !scan.Samples.Any(s => s.Views.Any(v => v.Id == singleView)))
        {
            var views = scan.Samples.SelectMany(static s => s.Views).Select(static v => v.Id).Distinct().Order(StringComparer.Ordinal);
            throw new SettingException($"view '{singleView}' does not exist; views: {string.Join(", ", views)}.");
        }

        return new ViewSelection(singleView);
    }

    /// <summary>The category's units in scan order (by sample id).</summary>
    public SettingUnit[] Units(DatasetScan scan, string category)
    {
        var units = new List<SettingUnit>();
        foreach (var sample in scan.Samples)
        {
            if (sample.Category != category)
            {
                continue;
            }

            if (_view is null)
            {
                units.Add(new SettingUnit(sample, sample.Views, sample.Label));
                continue;
            }

            foreach (var view in sample.Views)
            {
                if (view.Id == _view)
                {
                    units.Add(new SettingUnit(sample, [view], view.Label));
                }
            }
        }

        return units.ToArray();
    }
}
