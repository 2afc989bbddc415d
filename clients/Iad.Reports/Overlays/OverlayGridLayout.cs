namespace Iad.Reports.Overlays;

/// <summary>
/// Geometry of <c>overlays_*.png</c>. Three sections (good, detected, missed) are stacked top to bottom, each a header
/// line then its tiles in rows of <see cref="Columns"/>. Width = 2·<see cref="Margin"/> + Columns·<see cref="Tile"/> +
/// (Columns − 1)·<see cref="Gap"/> = 824 px. Height = 2·Margin + Σ over the three sections of (<see cref="HeaderHeight"/>
/// + rows·(Tile + <see cref="CaptionHeight"/> + Gap)) with rows = ⌈n / Columns⌉ (0 for an empty section).
/// </summary>
public static class OverlayGridLayout
{
    /// <summary>Tile edge: each image is scaled to fit a 128×128 square, aspect ratio kept, centred.</summary>
    public const int Tile = 128;

    /// <summary>Tiles per row.</summary>
    public const int Columns = 6;

    /// <summary>Space between tiles and between tile rows, pixels.</summary>
    public const int Gap = 8;

    /// <summary>Border around the whole grid, pixels.</summary>
    public const int Margin = 8;

    /// <summary>Height of a section header line, pixels.</summary>
    public const int HeaderHeight = 24;

    /// <summary>Height of the two caption lines under a tile, pixels.</summary>
    public const int CaptionHeight = 30;

    /// <summary>Image width, pixels (independent of the number of tiles).</summary>
    public const int Width = 2 * Margin + Columns * Tile + (Columns - 1) * Gap;

    /// <summary>Number of tile rows for <paramref name="count"/> tiles.</summary>
    public static int Rows(int count) => (count + Columns - 1) / Columns;

    /// <summary>Height of one section holding <paramref name="count"/> tiles.</summary>
    public static int SectionHeight(int count) => HeaderHeight + Rows(count) * (Tile + CaptionHeight + Gap);

    /// <summary>Image height for the given group sizes.</summary>
    public static int Height(int good, int detected, int missed)
    {
        if (good < 0 || detected < 0 || missed < 0)
            throw new ArgumentOutOfRangeException(nameof(good), $"group sizes {good}, {detected}, {missed} must be non-negative.");
        return 2 * Margin + SectionHeight(good) + SectionHeight(detected) + SectionHeight(missed);
    }
}
