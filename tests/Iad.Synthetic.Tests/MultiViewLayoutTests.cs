using System.Text.Json;
using Iad.Imaging.Decoding;

namespace Iad.Synthetic.Tests;

public class MultiViewLayoutTests
{
    private static readonly SyntheticDatasetOptions Options =
        new(Categories: 5, Seed: 5, TrainGood: 2, TestGood: 2, TestDefective: 5, ImageSize: 64, Views: 5);

    [Fact]
    public void RealIadTreeMatchesItsJsonSplits()
    {
        using var temp = new TempDirectory();
        var paths = new SyntheticDatasetGenerator(Options).Generate(temp.Path);
        Assert.NotNull(paths.RealIadRoot);
        var root = paths.RealIadRoot!;
        Assert.Equal(["realiad_64", "realiad_jsons", "realiad_jsons_sv"], Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        foreach (var category in new[] { "grain", "disc" })
        {
            using var split = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "realiad_jsons", category + ".json")));
            var meta = split.RootElement.GetProperty("meta");
            Assert.Equal(category + "/", meta.GetProperty("prefix").GetString());
            Assert.Equal("OK", meta.GetProperty("normal_class").GetString());
            var train = split.RootElement.GetProperty("train").EnumerateArray().ToList();
            var test = split.RootElement.GetProperty("test").EnumerateArray().ToList();
            Assert.Equal(Options.TrainGood * 5, train.Count);
            Assert.Equal((Options.TestGood + Options.TestDefective) * 5, test.Count);
            Assert.All(train, e => Assert.Equal("OK", e.GetProperty("anomaly_class").GetString()));

            var referenced = new List<string>();
            foreach (var entry in train.Concat(test))
            {
                Assert.Equal(category, entry.GetProperty("category").GetString());
                var image = entry.GetProperty("image_path").GetString()!;
                Assert.Matches($@"^(OK|NG/[A-Z]{{2}})/S\d{{4}}/{category}_\d{{4}}_(OK|NG_[A-Z]{{2}})_C[1-5]_\d{{14}}\.jpg$", image);
                referenced.Add(image);
                var maskPath = entry.GetProperty("mask_path");
                if (maskPath.ValueKind == JsonValueKind.Null)
                {
                    Assert.Equal("OK", entry.GetProperty("anomaly_class").GetString());
                    continue;
                }
                Assert.Equal(Path.ChangeExtension(image, ".png"), maskPath.GetString());
                Assert.NotEqual("OK", entry.GetProperty("anomaly_class").GetString());
                referenced.Add(maskPath.GetString()!);
                var mask = ImageDecoder.DecodeMask(File.ReadAllBytes(Path.Combine(root, "realiad_64", category, maskPath.GetString()!)));
                Assert.True(mask.CountAnomalous() > 0);
            }
            Assert.Equal(referenced.Order(StringComparer.Ordinal), TempDirectory.Files(Path.Combine(root, "realiad_64", category)));

            // Group views into samples by the id prefix, as the official evaluation does.
            var samples = test.GroupBy(e => string.Join('_', Path.GetFileName(e.GetProperty("image_path").GetString()!).Split('_')[..^2])).ToList();
            Assert.Equal(Options.TestGood + Options.TestDefective, samples.Count);
            var anomalous = samples.Where(s => s.Any(e => e.GetProperty("anomaly_class").GetString() != "OK")).ToList();
            Assert.Equal(Options.TestDefective, anomalous.Count);
            foreach (var sample in anomalous)
            {
                Assert.Equal(5, sample.Count());
                Assert.All(sample, e => Assert.StartsWith("NG/", e.GetProperty("image_path").GetString()));
                Assert.Contains(sample, e => e.GetProperty("anomaly_class").GetString() == "OK");
            }

            using var single = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "realiad_jsons_sv", category + ".json")));
            var singleTest = single.RootElement.GetProperty("test").EnumerateArray().ToList();
            Assert.Equal(Options.TestGood + Options.TestDefective, singleTest.Count);
            Assert.All(singleTest, e => Assert.Contains("_C1_", e.GetProperty("image_path").GetString()));
        }
    }

    [Fact]
    public void ViewsOfOneSampleShowTheSamePartFromDifferentSides()
    {
        var factory = new SyntheticDatasetGenerator(Options).Factory;
        var views = factory.CreateMultiView(4, anomalous: true, index: 0);
        Assert.Equal(5, views.Count);
        Assert.InRange(views.Count(v => v.IsAnomalous), 1, 3);
        Assert.NotEqual(views[0].Normal.Pixels, views[1].Normal.Pixels);
    }
}
