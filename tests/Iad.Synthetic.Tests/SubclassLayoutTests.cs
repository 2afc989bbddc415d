using Iad.Imaging.Decoding;
using Iad.Synthetic.Generation;

namespace Iad.Synthetic.Tests;

public class SubclassLayoutTests
{
    private static readonly SyntheticDatasetOptions Options =
        new(Categories: 2, Seed: 9, TrainGood: 2, TestGood: 2, TestDefective: 5, ImageSize: 64, Subclasses: 3);

    [Fact]
    public void TextureAdTreeHasOneFolderPerSubclassWithPairedMasks()
    {
        using var temp = new TempDirectory();
        var paths = new SyntheticDatasetGenerator(Options).Generate(temp.Path);
        var root = paths.TextureAdRoot!;
        Assert.Equal(["grain", "weave"], Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var category in new[] { "grain", "weave" })
        {
            Assert.Equal(["1", "2", "3"], Directory.GetDirectories(Path.Combine(root, category)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var files = TempDirectory.Files(Path.Combine(root, category, "2"));
            Assert.Equal(2, files.Count(f => f.StartsWith("train/normal/")));
            Assert.Equal(2, files.Count(f => f.StartsWith("test/normal/")));
            var anomalous = files.Where(f => f.StartsWith("test/") && !f.StartsWith("test/normal/")).ToList();
            var masks = files.Where(f => f.StartsWith("ground_truth/mask/")).ToList();
            Assert.Equal(5, anomalous.Count);
            Assert.Equal(anomalous.Select(f => f["test/".Length..].Replace('/', '_')), masks.Select(f => f["ground_truth/mask/".Length..]));
            Assert.Equal(4 + 2 * 5, files.Count);
            foreach (var mask in masks)
            {
                Assert.True(ImageDecoder.DecodeMask(File.ReadAllBytes(Path.Combine(root, category, "2", mask))).CountAnomalous() > 0);
            }
        }
    }

    [Fact]
    public void TestImagesOfASubclassAreLitDifferentlyFromItsTrainingImages()
    {
        var factory = new SyntheticSampleFactory(Options with { TrainGood = 8, TestGood = 8 });
        for (var k = 0; k < Options.Subclasses; k++)
        {
            double train = 0, test = 0;
            for (var i = 0; i < 8; i++)
            {
                train += factory.CreateSubclass(0, k, SampleStream.TrainGood, i).Image.Pixels.Average(v => (double)v);
                test += factory.CreateSubclass(0, k, SampleStream.TestGood, i).Image.Pixels.Average(v => (double)v);
            }
            Assert.True(Math.Abs(test / train - 1) > 0.06, $"subclass {k}: train mean {train / 8:F1}, test mean {test / 8:F1}");
        }
    }

    [Fact]
    public void SubclassesDifferInSpecification()
    {
        var factory = new SyntheticSampleFactory(Options);
        Assert.NotEqual(
            factory.CreateSubclass(1, 0, SampleStream.TrainGood, 0).Image.Pixels,
            factory.CreateSubclass(1, 1, SampleStream.TrainGood, 0).Image.Pixels);
    }
}
