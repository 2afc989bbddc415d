using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Iad.Contracts.V1;
using Iad.Python.Tests.Support;

namespace Iad.Python.Tests;

/// <summary>clients/python/detect.py against the detection service on a loopback port.</summary>
public sealed class DetectScriptTests(PythonClientFixture fixture) : IClassFixture<PythonClientFixture>
{
    private static readonly EnumDescriptor Providers = CommonReflection.Descriptor.FindTypeByName<EnumDescriptor>("ExecutionProvider");
    private static readonly EnumDescriptor Labels = CommonReflection.Descriptor.FindTypeByName<EnumDescriptor>("Label");

    [Fact]
    public async Task Scores_labels_and_provider_match_the_csharp_client()
    {
        var result = await PythonProcess.RunAsync(null,
            [.. fixture.DetectArguments(), "--generated", fixture.GeneratedDirectory, fixture.DarkPng, fixture.BrightPng]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.JsonLines();
        Assert.Equal(3, lines.Count);
        var listed = Assert.Single(lines[0].GetProperty("models").EnumerateArray());
        Assert.Equal("tiny", listed.GetProperty("name").GetString());
        var modelId = listed.GetProperty("model_id").GetString()!;
        Assert.StartsWith("tiny@", modelId, StringComparison.Ordinal);
        Assert.Equal(PythonClientFixture.Threshold, listed.GetProperty("threshold").GetDouble());

        var labels = new List<string>();
        foreach (var (line, image) in new[] { (lines[1], fixture.DarkPng), (lines[2], fixture.BrightPng) })
        {
            var expected = await DetectInCSharp(modelId, image);
            var detection = expected.Detections[0];
            Assert.Equal(image, line.GetProperty("image").GetString());
            Assert.Equal(modelId, line.GetProperty("model_id").GetString());
            Assert.Equal(detection.Score, line.GetProperty("score").GetDouble(), 1e-6);
            Assert.Equal(Providers.FindValueByNumber((int)expected.Provider).Name, line.GetProperty("provider").GetString());
            Assert.Equal(Labels.FindValueByNumber((int)detection.Label).Name, line.GetProperty("label").GetString());
            Assert.Equal(PythonClientFixture.Threshold, line.GetProperty("threshold").GetDouble());
            labels.Add(line.GetProperty("label").GetString()!);
        }
        Assert.Equal(["LABEL_NORMAL", "LABEL_ANOMALOUS"], labels);
    }

    [Fact]
    public async Task A_corrupt_image_fails_with_invalid_argument_while_the_others_are_scored()
    {
        var corrupt = fixture.WriteFile("corrupt.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6, 7, 8]);
        // No --generated: the script generates into a cache folder keyed by the protos, here a fresh one.
        var cache = Path.Combine(fixture.Service.Root, "xdg-cache");

        var result = await PythonProcess.RunAsync(null, [.. fixture.DetectArguments(), corrupt, fixture.DarkPng],
            new Dictionary<string, string> { ["XDG_CACHE_HOME"] = cache });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"error: {corrupt}: INVALID_ARGUMENT", result.StandardError, StringComparison.Ordinal);
        var lines = result.JsonLines();
        Assert.Equal(2, lines.Count);
        Assert.Equal(fixture.DarkPng, lines[1].GetProperty("image").GetString());
        Assert.True(Directory.EnumerateFiles(Path.Combine(cache, "iad-python"), "detection_pb2.py", SearchOption.AllDirectories).Any(),
            "the generated code should be cached under $XDG_CACHE_HOME/iad-python");
    }

    [Fact]
    public async Task A_wrong_token_fails_with_unauthenticated()
    {
        var result = await PythonProcess.RunAsync(null,
            [.. fixture.DetectArguments(token: "not-the-token"), "--generated", fixture.GeneratedDirectory, fixture.DarkPng]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UNAUTHENTICATED", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    private async Task<DetectResponse> DetectInCSharp(string modelId, string imagePath)
    {
        var request = new DetectRequest
        {
            ModelId = modelId,
            Images = { new Image { Encoded = new EncodedImage { Data = ByteString.CopyFrom(await File.ReadAllBytesAsync(imagePath)) } } },
        };
        return await fixture.Service.Client.DetectAsync(request, fixture.Service.Authorization, DateTime.UtcNow.AddSeconds(30));
    }
}
