namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>
    /// Texture-AD as laid out by the known re-upload: <c>texture_ad/&lt;category&gt;/&lt;subclass&gt;/</c> with
    /// <c>train/normal</c>, <c>test/{normal,other}</c> and <c>ground_truth/mask</c>, masks named unlike their images
    /// (paired by sorted order).
    /// </summary>
    public static TempTree TextureAd() =>
        new TempTree().Images(
            "texture_ad/wafer/1/train/normal/a.png", "texture_ad/wafer/1/train/normal/b.png",
            "texture_ad/wafer/1/test/normal/c.png",
            "texture_ad/wafer/1/test/other/d.png", "texture_ad/wafer/1/test/other/e.png",
            "texture_ad/wafer/1/ground_truth/mask/m1.png", "texture_ad/wafer/1/ground_truth/mask/m2.png",
            "texture_ad/wafer/2/train/normal/a.png", "texture_ad/wafer/2/test/other/x.png",
            "texture_ad/wafer/2/ground_truth/mask/x.png",
            "texture_ad/cloth/7/train/normal/a.png", "texture_ad/cloth/7/test/normal/b.png");
}
