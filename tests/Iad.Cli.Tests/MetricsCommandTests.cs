using System.Text.Json.Nodes;

namespace Iad.Cli.Tests;

/// <summary><c>iad metrics</c> against the reference vectors computed with scikit-learn.</summary>
public sealed class MetricsCommandTests
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["image.auroc"] = "image_auroc", ["image.ap"] = "image_ap", ["image.f1max"] = "image_f1_max",
        ["image.pg2"] = "image_pg2", ["image.pb2"] = "image_pb2",
        ["pixel.auroc"] = "pixel_auroc", ["pixel.ap"] = "pixel_ap", ["pixel.f1max"] = "pixel_f1_max",
        ["pixel.aupro_0.3"] = "pixel_aupro", ["sample.auroc"] = "sample_auroc",
    };

    [Theory]
    [InlineData("image-separable")]
    [InlineData("image-ties")]
    [InlineData("image-imbalanced")]
    [InlineData("pixel-small")]
    [InlineData("pixel-ties")]
    [InlineData("sample-multiview")]
    public async Task Json_output_matches_reference_values(string vector)
    {
        var folder = Path.Combine(TestVectors.Root, vector);
        var arguments = new List<string> { "metrics", "--scores", Path.Combine(folder, "scores.csv"), "--json" };
        if (Directory.Exists(Path.Combine(folder, "maps")))
            arguments.AddRange(["--maps", Path.Combine(folder, "maps"), "--masks", Path.Combine(folder, "masks")]);
        if (File.Exists(Path.Combine(folder, "samples.csv"))) arguments.AddRange(["--samples", Path.Combine(folder, "samples.csv")]);

        var home = Directory.CreateTempSubdirectory("iad-metrics-cli-").FullName;
        var (code, output) = await CliProcess.RunAsync(home, [.. arguments]);
        Directory.Delete(home, recursive: true);

        Assert.True(code == 0, output);
        var metrics = JsonNode.Parse(output)!["metrics"]!;
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")))!.AsObject();
        var compared = 0;
        foreach (var (level, values) in expected)
        {
            foreach (var (key, value) in values!.AsObject())
            {
                if (Names.GetValueOrDefault($"{level}.{key}") is not { } name) continue;
                Assert.True(Math.Abs((double)value! - (double)metrics[name]!) <= 1e-6, $"{name}: expected {value}, got {metrics[name]}");
                compared++;
            }
        }
        Assert.True(compared >= 2, $"only {compared} values compared");
    }
}

internal static class TestVectors
{
    /// <summary>tests/testvectors of the repository (walks up from the test binaries).</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "testvectors");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException($"tests/testvectors not found above {AppContext.BaseDirectory}");
        }
    }
}
