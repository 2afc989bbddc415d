namespace Iad.Synthetic.Categories;

/// <summary>Defect type names as written to folders.</summary>
public static class DefectTypes
{
    /// <summary>Thin bright or dark curve.</summary>
    public const string Scratch = "scratch";

    /// <summary>Dark or bright blob with an irregular outline.</summary>
    public const string Spot = "spot";

    /// <summary>Dark random-walk polyline.</summary>
    public const string Crack = "crack";

    /// <summary>A sector of the object replaced by background (objects only).</summary>
    public const string MissingPart = "missing_part";

    /// <summary>Patch of a foreign colour.</summary>
    public const string Contamination = "contamination";
}
