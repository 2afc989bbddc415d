using Iad.Imaging.Decoding;
using Iad.Synthetic.Categories;
using Iad.Synthetic.Generation;

namespace Iad.Synthetic.Tests;

public class MvTecLayoutTests
{
    private static readonly SyntheticDatasetOptions Small = new(Categories: 7, Seed: 3, TrainGood: 3, TestGood: 2, TestDefective: 6, ImageSize: 64);

    [Fact]
    public void TreeHoldsExactlyTheExpectedFiles()
    {
        using var temp = new TempDirectory();
        var paths = new SyntheticDatasetGenerator(Small).Generate(temp.Path);
        Assert.Null(paths.RealIadRoot);
        Assert.Null(paths.TextureAdRoot);
        Assert.Equal([SyntheticDatasetGenerator.MvTecFolder], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));

        var factory = new SyntheticSampleFactory(Small);
        var expected = new List<string>();
        for (var c = 0; c < Small.Categories; c++)
        {
            var name = SyntheticCategories.Name(c);
            expected.AddRange(Enumerable.Range(0, 3).Select(i => $"{name}/train/good/{i:D3}.png"));
            expected.AddRange(Enumerable.Range(0, 2).Select(i => $"{name}/test/good/{i:D3}.png"));
            var types = factory.DefectTypesOf(c);
            var perType = new Dictionary<string, int>();
            for (var i = 0; i < 6; i++)
            {
                var type = types[i % types.Count];
                var n = perType.GetValueOrDefault(type);
                perType[type] = n + 1;
                expected.Add($"{name}/test/{type}/{n:D3}.png");
                expected.Add($"{name}/ground_truth/{type}/{n:D3}_mask.png");
            }
        }
        Assert.Equal(expected.Order(StringComparer.Ordinal), TempDirectory.Files(paths.MvTecRoot));
        Assert.Contains("disc/ground_truth/missing_part/000_mask.png", expected);
        Assert.DoesNotContain(expected, f => f.StartsWith("grain/") && f.Contains("missing_part"));
    }

    [Fact]
    public void EveryMaskMarksExactlyThePixelsThatDifferFromTheDefectFreeRendering()
    {
        using var temp = new TempDirectory();
        var generator = new SyntheticDatasetGenerator(Small);
        generator.WriteMvTec(temp.Path);
        var factory = generator.Factory;
        for (var c = 0; c < Small.Categories; c++)
        {
            var perType = new Dictionary<string, int>();
            for (var i = 0; i < Small.TestDefective; i++)
            {
                var sample = factory.Create(c, SampleStream.TestDefective, i);
                var n = perType.GetValueOrDefault(sample.DefectType!);
                perType[sample.DefectType!] = n + 1;
                var folder = Path.Combine(temp.Path, SyntheticCategories.Name(c));
                var image = ImageDecoder.DecodeRgb(File.ReadAllBytes(Path.Combine(folder, "test", sample.DefectType!, $"{n:D3}.png")));
                var mask = ImageDecoder.DecodeMask(File.ReadAllBytes(Path.Combine(folder, "ground_truth", sample.DefectType!, $"{n:D3}_mask.png")));
                Assert.Equal(sample.Image.Pixels, image.Pixels);
                Assert.True(mask.CountAnomalous() > 0, $"{SyntheticCategories.Name(c)} {sample.DefectType} {n}: empty mask");
                for (var p = 0; p < mask.Pixels.Length; p++)
                {
                    var differs = !image.Pixels.AsSpan(p * 3, 3).SequenceEqual(sample.Normal.Pixels.AsSpan(p * 3, 3));
                    Assert.Equal(differs ? 1 : 0, mask.Pixels[p]);
                }
            }
        }
    }

    [Fact]
    public void NormalImagesVaryBetweenSamples()
    {
        var factory = new SyntheticSampleFactory(Small);
        for (var c = 0; c < Small.Categories; c++)
        {
            var a = factory.Create(c, SampleStream.TrainGood, 0).Image.Pixels;
            var b = factory.Create(c, SampleStream.TrainGood, 1).Image.Pixels;
            var differing = 0;
            for (var i = 0; i < a.Length; i++) if (Math.Abs(a[i] - b[i]) > 2) differing++;
            Assert.True(differing > a.Length / 2, $"{SyntheticCategories.Name(c)}: only {differing} of {a.Length} samples differ by more than 2 levels");
        }
    }

    [Fact]
    public void HarderDefectsAreSmaller()
    {
        static double MeanArea(double difficulty)
        {
            var factory = new SyntheticSampleFactory(Small with { Difficulty = difficulty, TestDefective = 40 });
            double area = 0;
            for (var i = 0; i < 40; i++) area += factory.Create(0, SampleStream.TestDefective, i).Mask!.CountAnomalous();
            return area / 40;
        }
        Assert.True(MeanArea(0) > 1.5 * MeanArea(1));
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDatasetGenerator(Small with { Views = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDatasetGenerator(Small with { Difficulty = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDatasetGenerator(Small with { Categories = 0 }));
        Assert.Throws<InvalidOperationException>(() => new SyntheticDatasetGenerator(Small).WriteTextureAd("unused"));
    }

    [Fact]
    public void CategoryNamesCycleWithSuffix()
    {
        Assert.Equal(["grain", "weave", "stripes", "gradient", "disc", "square", "ring", "grain_2", "weave_2"], SyntheticCategories.Names(9));
    }
}
