namespace Iad.Datasets.Layouts;

/// <summary>
/// Folder conventions of a Texture-AD copy. The official archive's inner layout is unconfirmed, so the reader is
/// configurable; the defaults follow the known re-upload
/// (<c>&lt;category&gt;/&lt;subclass&gt;/train/normal</c>, <c>test/&lt;normal|other&gt;</c>, <c>ground_truth/mask</c>).
/// </summary>
/// <param name="NormalLabel">Label folder holding normal images.</param>
/// <param name="MaskFolder">Subclass-relative folder holding the masks of all anomalous test images.</param>
/// <param name="Pairing">How masks are matched to anomalous test images.</param>
public sealed record TextureAdOptions(
    string NormalLabel = "normal",
    string MaskFolder = "ground_truth/mask",
    TextureAdMaskPairing Pairing = TextureAdMaskPairing.SortedOrder);

/// <summary>How Texture-AD masks are matched to anomalous test images.</summary>
public enum TextureAdMaskPairing
{
    /// <summary>
    /// i-th mask (sorted by name) ↔ i-th anomalous test image (sorted by root-relative path); counts must be equal.
    /// This is what the only known loader does; it cannot detect a swapped pair.
    /// </summary>
    SortedOrder,

    /// <summary>Mask <c>&lt;stem&gt;.&lt;ext&gt;</c> or <c>&lt;stem&gt;_mask.&lt;ext&gt;</c> ↔ image stem; stems must be unique per subclass.</summary>
    Stem,
}
