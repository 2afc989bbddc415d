namespace Iad.Datasets.Layouts.Common;

/// <summary>
/// Parameters of an MVTec-style category tree:
/// <c>&lt;category&gt;/{train,validation,test}/&lt;label&gt;/&lt;image&gt;</c> with masks under
/// <c>&lt;category&gt;/ground_truth/&lt;label&gt;/</c>.
/// </summary>
/// <param name="NormalLabels">Label folder names meaning "normal" (compared case-insensitively).</param>
/// <param name="DefectTypeFromFolder">Whether an anomalous label folder's name is the defect type (false: no types, e.g. BTAD's <c>ko</c>).</param>
/// <param name="Naming">How masks are named.</param>
/// <param name="MasksRequired">
/// True: every anomalous image must have a mask (the layout guarantees it). False: only label folders that have a
/// <c>ground_truth/&lt;label&gt;</c> folder must pair completely; others carry no masks.
/// </param>
internal sealed record TreeRules(IReadOnlyList<string> NormalLabels, bool DefectTypeFromFolder, MaskNaming Naming, bool MasksRequired)
{
    /// <summary>True when the label folder name means normal.</summary>
    public bool IsNormal(string label)
    {
        foreach (var normal in NormalLabels)
        {
            if (string.Equals(normal, label, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
