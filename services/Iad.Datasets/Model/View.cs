namespace Iad.Datasets.Model;

/// <summary>
/// One image of a sample. Single-view datasets have one view with id <c>"0"</c>; Real-IAD has <c>C1</c>…<c>C5</c>
/// (C1 is the top-down camera).
/// </summary>
/// <remarks>
/// Paths are relative to <see cref="DatasetScan.Root"/>, use <c>/</c> separators and keep the on-disk case.
/// <see cref="MaskPaths"/> is empty when the dataset ships no mask for this image. It has several entries only for
/// MVTec LOCO AD, where each file is one annotated region; the binary mask is then the union of all files. A mask
/// pixel marks a defect when its value is greater than <see cref="DatasetScan.MaskThreshold"/>. A shipped mask of a
/// normal image (MTD's <c>MT_Free</c>, KolektorSDD's black labels) is kept; it is all background.
/// </remarks>
/// <param name="Id">View id, unique within its sample.</param>
/// <param name="ImagePath">Root-relative image path.</param>
/// <param name="MaskPaths">Root-relative mask files, sorted ordinally; empty when none.</param>
/// <param name="Label">Label of this view (for Real-IAD taken from the split JSON, never from the folder).</param>
public sealed record View(string Id, string ImagePath, IReadOnlyList<string> MaskPaths, SampleLabel Label)
{
    /// <summary>Id of the only view of a single-view sample.</summary>
    public const string SingleViewId = "0";

    /// <summary>True when at least one mask file is shipped for this view.</summary>
    public bool HasMask => MaskPaths.Count > 0;
}
