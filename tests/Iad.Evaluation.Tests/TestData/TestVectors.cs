using System.Text.Json;
using Iad.Evaluation.IO;
using OpenCvSharp;

namespace Iad.Evaluation.Tests.TestData;

/// <summary>Locates and loads the metric test vectors in tests/testvectors (inputs plus scikit-learn results in expected.json).</summary>
internal static class TestVectors
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Case(string name) => Path.Combine(Root, name);

    public static JsonElement Expected(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Case(name), "expected.json"))).RootElement;

    public static ScoreTable Scores(string name) => ScoreCsvReader.Read(Path.Combine(Case(name), "scores.csv"));

    /// <summary>The anomaly map and 0/255 mask of each id of a pixel case, in scores.csv order.</summary>
    public static IEnumerable<(NpyMatrix Map, byte[] Mask)> PixelPairs(string name)
    {
        foreach (var id in Scores(name).Ids)
        {
            var map = NpyReader.Read(Path.Combine(Case(name), "maps", id + ".npy"));
            using var png = Cv2.ImRead(Path.Combine(Case(name), "masks", id + ".png"), ImreadModes.Grayscale);
            Assert.Equal((map.Rows, map.Columns), (png.Rows, png.Cols));
            png.GetArray(out byte[] mask);
            yield return (map, mask);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "testvectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no directory containing tests/testvectors above {AppContext.BaseDirectory}.");
    }
}
