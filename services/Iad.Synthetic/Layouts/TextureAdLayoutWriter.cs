using Iad.Imaging.Encoding;
using Iad.Synthetic.Categories;
using Iad.Synthetic.Generation;

namespace Iad.Synthetic.Layouts;

/// <summary>
/// Texture-AD-style tree, one folder per subclass numbered from 1:
/// <c>&lt;root&gt;/&lt;category&gt;/&lt;k&gt;/train/normal/000.png</c>, <c>test/normal/000.png</c>,
/// <c>test/&lt;defect&gt;/000.png</c> and <c>ground_truth/mask/&lt;defect&gt;_000.png</c>. Mask names sort in the same
/// order as the anomalous test images, so both stem and sorted-order pairing work. Test images of every subclass are
/// lit differently from its training images (see <see cref="SyntheticSampleFactory.CreateSubclass"/>).
/// </summary>
public static class TextureAdLayoutWriter
{
    public static void Write(SyntheticSampleFactory factory, string root)
    {
        var options = factory.Options;
        for (var c = 0; c < options.Categories; c++)
        {
            var category = SyntheticCategories.Name(c);
            for (var k = 0; k < options.Subclasses; k++)
            {
                var folder = Path.Combine(category, (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                for (var i = 0; i < options.TrainGood; i++)
                {
                    TreeWriter.Write(root, Path.Combine(folder, "train", "normal", TreeWriter.Number(i) + ".png"),
                        ImageEncoder.EncodePng(factory.CreateSubclass(c, k, SampleStream.TrainGood, i).Image));
                }
                for (var i = 0; i < options.TestGood; i++)
                {
                    TreeWriter.Write(root, Path.Combine(folder, "test", "normal", TreeWriter.Number(i) + ".png"),
                        ImageEncoder.EncodePng(factory.CreateSubclass(c, k, SampleStream.TestGood, i).Image));
                }
                var perType = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < options.TestDefective; i++)
                {
                    var sample = factory.CreateSubclass(c, k, SampleStream.TestDefective, i);
                    var type = sample.DefectType!;
                    var n = perType.GetValueOrDefault(type);
                    perType[type] = n + 1;
                    TreeWriter.Write(root, Path.Combine(folder, "test", type, TreeWriter.Number(n) + ".png"), ImageEncoder.EncodePng(sample.Image));
                    TreeWriter.Write(root, Path.Combine(folder, "ground_truth", "mask", $"{type}_{TreeWriter.Number(n)}.png"), ImageEncoder.EncodePng(sample.Mask!));
                }
            }
        }
    }
}
