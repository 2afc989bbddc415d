using Iad.Imaging.Encoding;
using Iad.Synthetic.Categories;
using Iad.Synthetic.Generation;

namespace Iad.Synthetic.Layouts;

/// <summary>
/// MVTec AD tree: <c>&lt;root&gt;/&lt;category&gt;/train/good/000.png</c>, <c>test/good/000.png</c>,
/// <c>test/&lt;defect&gt;/000.png</c> and <c>ground_truth/&lt;defect&gt;/000_mask.png</c> (8-bit, 0/255), numbering
/// restarting in every folder; no other files.
/// </summary>
public static class MvTecLayoutWriter
{
    public static void Write(SyntheticSampleFactory factory, string root)
    {
        var options = factory.Options;
        for (var c = 0; c < options.Categories; c++)
        {
            var category = SyntheticCategories.Name(c);
            for (var i = 0; i < options.TrainGood; i++)
            {
                TreeWriter.Write(root, Path.Combine(category, "train", "good", TreeWriter.Number(i) + ".png"),
                    ImageEncoder.EncodePng(factory.Create(c, SampleStream.TrainGood, i).Image));
            }
            for (var i = 0; i < options.TestGood; i++)
            {
                TreeWriter.Write(root, Path.Combine(category, "test", "good", TreeWriter.Number(i) + ".png"),
                    ImageEncoder.EncodePng(factory.Create(c, SampleStream.TestGood, i).Image));
            }
            var perType = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < options.TestDefective; i++)
            {
                var sample = factory.Create(c, SampleStream.TestDefective, i);
                var type = sample.DefectType!;
                var n = perType.GetValueOrDefault(type);
                perType[type] = n + 1;
                TreeWriter.Write(root, Path.Combine(category, "test", type, TreeWriter.Number(n) + ".png"), ImageEncoder.EncodePng(sample.Image));
                TreeWriter.Write(root, Path.Combine(category, "ground_truth", type, TreeWriter.Number(n) + "_mask.png"), ImageEncoder.EncodePng(sample.Mask!));
            }
        }
    }
}
