namespace Iad.Datasets.Tests.Fixtures;

/// <summary>Miniature copies of public dataset trees: same names and quirks, a handful of files each.</summary>
public static partial class MiniDatasets
{
    /// <summary>
    /// MVTec AD: licence/readme at the root, <c>bottle</c> with two defect folders whose <c>000.png</c> collides with
    /// <c>test/good/000.png</c>, grayscale <c>grid</c>, and a stray <c>.DS_Store</c>.
    /// </summary>
    public static TempTree MvtecAd()
    {
        var tree = new TempTree()
            .Text("license.txt", "CC BY-NC-SA 4.0")
            .Text("readme.txt", "MVTec AD")
            .Images(
                "bottle/train/good/000.png", "bottle/train/good/001.png", "bottle/train/good/002.png",
                "bottle/test/good/000.png", "bottle/test/good/001.png",
                "bottle/test/broken_large/000.png", "bottle/test/broken_large/001.png",
                "bottle/test/contamination/000.png",
                "bottle/ground_truth/broken_large/000_mask.png", "bottle/ground_truth/broken_large/001_mask.png",
                "bottle/ground_truth/contamination/000_mask.png",
                "grid/train/good/000.png", "grid/test/good/000.png", "grid/test/bent/000.png",
                "grid/ground_truth/bent/000_mask.png");
        tree.Text("bottle/train/good/.DS_Store", "x");
        return tree;
    }

    /// <summary>MPDD: the MVTec tree with MPDD category and defect names.</summary>
    public static TempTree Mpdd() =>
        new TempTree().Images(
            "bracket_black/train/good/000.png", "bracket_black/train/good/001.png",
            "bracket_black/test/good/000.png",
            "bracket_black/test/hole/000.png", "bracket_black/test/scratches/000.png", "bracket_black/test/scratches/001.png",
            "bracket_black/ground_truth/hole/000_mask.png",
            "bracket_black/ground_truth/scratches/000_mask.png", "bracket_black/ground_truth/scratches/001_mask.png",
            "connector/train/good/000.png", "connector/test/parts_mismatch/000.png",
            "connector/ground_truth/parts_mismatch/000_mask.png");

    /// <summary>
    /// Generic folder layout: custom names, masks named both <c>&lt;stem&gt;.png</c> and <c>&lt;stem&gt;_mask.png</c>, and a
    /// defect folder without any mask folder.
    /// </summary>
    public static TempTree Folder() =>
        new TempTree().Images(
            "widget/train/good/a.png", "widget/train/good/b.png",
            "widget/test/good/c.png",
            "widget/test/scratch/d.png", "widget/test/scratch/e.JPG",
            "widget/ground_truth/scratch/d_mask.png", "widget/ground_truth/scratch/e.png",
            "widget/test/dent/f.png");
}
