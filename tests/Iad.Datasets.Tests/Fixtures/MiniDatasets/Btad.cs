namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>
    /// BTAD inside <c>BTech_Dataset_transformed</c>: product 01 with <c>.bmp</c> images and <c>.png</c> masks, 02 all
    /// <c>.png</c>, 03 with <c>.bmp</c> masks; <c>test/ok/0000</c> and <c>test/ko/0000</c> both exist.
    /// </summary>
    public static TempTree Btad() =>
        new TempTree().Images(
            "BTech_Dataset_transformed/01/train/ok/0000.bmp", "BTech_Dataset_transformed/01/train/ok/0001.bmp",
            "BTech_Dataset_transformed/01/test/ok/0000.bmp",
            "BTech_Dataset_transformed/01/test/ko/0000.bmp", "BTech_Dataset_transformed/01/test/ko/0001.bmp",
            "BTech_Dataset_transformed/01/ground_truth/ko/0000.png", "BTech_Dataset_transformed/01/ground_truth/ko/0001.png",
            "BTech_Dataset_transformed/02/train/ok/0000.png", "BTech_Dataset_transformed/02/test/ko/0000.png",
            "BTech_Dataset_transformed/02/ground_truth/ko/0000.png",
            "BTech_Dataset_transformed/03/train/ok/0000.bmp", "BTech_Dataset_transformed/03/test/ok/0000.bmp",
            "BTech_Dataset_transformed/03/test/ko/0000.bmp", "BTech_Dataset_transformed/03/ground_truth/ko/0000.bmp");
}
