using Iad.Datasets.Model;
using Iad.Datasets.Settings.Specs;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Modifiers;

/// <summary>
/// The task names of a setting: the continual order when given, else <see cref="SettingSpec.Categories"/>, else the
/// scan's canonical order (ordinal names).
/// </summary>
internal static class TaskOrder
{
    public static string[] Resolve(DatasetScan scan, SettingSpec spec)
    {
        var known = scan.CategoryNames.ToHashSet(StringComparer.Ordinal);
        var selected = CheckNames(scan, known, spec.Categories, "categories");
        var order = spec.Continual is { TaskOrder.Count: > 0 } continual
            ? CheckNames(scan, known, continual.TaskOrder, "continual task order")
            : selected;
        if (order.Length == 0)
        {
            return scan.CategoryNames.ToArray();
        }

        if (selected.Length > 0 && !selected.ToHashSet(StringComparer.Ordinal).SetEquals(order))
        {
            throw new SettingException(Invariant(
                $"continual task order [{string.Join(", ", order)}] must name exactly the selected categories [{string.Join(", ", selected)}]."));
        }

        return order;
    }

    private static string[] CheckNames(DatasetScan scan, HashSet<string> known, IReadOnlyList<string> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!known.Contains(name))
            {
                throw new SettingException($"category '{name}' does not exist; categories: {string.Join(", ", scan.CategoryNames)}.");
            }

            if (!seen.Add(name))
            {
                throw new SettingException($"category '{name}' appears twice in the {what}.");
            }
        }

        return names.ToArray();
    }
}
