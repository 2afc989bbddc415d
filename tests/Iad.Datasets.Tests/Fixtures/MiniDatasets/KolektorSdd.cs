namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>
    /// KolektorSDD: <c>kos01</c> with 3 parts (Part1 defective, 8-bit BMP label), <c>kos02</c> with 7 parts (Part6
    /// defective, 24-bit BMP label); all other labels are black.
    /// </summary>
    public static TempTree KolektorSdd()
    {
        var tree = new TempTree();
        var black = TinyImages.GrayBmp(3, new byte[6]);
        for (var part = 0; part < 3; part++)
        {
            tree.Images($"kos01/Part{part}.jpg")
                .Bytes($"kos01/Part{part}_label.bmp", part == 1 ? TinyImages.GrayBmp(3, [0, 0, 0, 0, 255, 0]) : black);
        }

        for (var part = 0; part < 7; part++)
        {
            tree.Images($"kos02/Part{part}.jpg")
                .Bytes($"kos02/Part{part}_label.bmp", part == 6 ? TinyImages.RgbBmp(2, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255]) : black);
        }

        return tree;
    }
}
