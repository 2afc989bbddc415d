using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Iad.Onnx.Detector;
using Iad.Onnx.Models;
using Iad.Onnx.Runtime;
using Iad.Onnx.Tests.Support;

namespace Iad.Onnx.Tests.Detector;

public sealed class DetectorSessionTests
{
    private const int Height = 8;
    private const int Width = 12;

    private static DetectorSession Open(ExecutionProviderPreference provider = ExecutionProviderPreference.Auto) =>
        DetectorSession.Open(OnnxModelFile.ToBytes(TinyDetector.Create(Height, Width)),
            new DetectorSessionOptions { Settings = new SessionSettings { Provider = provider, IntraOpThreads = 1 }, PreallocateBatchSize = 2 });

    [Fact]
    public void Auto_falls_back_to_cpu_here_and_says_why()
    {
        using var session = Open();
        Assert.Equal(ExecutionProviderKind.Cpu, session.Provider);
        Assert.Equal("cpu", session.ProviderName);
        Assert.False(string.IsNullOrWhiteSpace(session.ProviderFallbackReason));
    }

    [Fact]
    public void Explicit_cpu_reports_no_fallback()
    {
        using var session = Open(ExecutionProviderPreference.Cpu);
        Assert.Equal("cpu", session.ProviderName);
        Assert.Null(session.ProviderFallbackReason);
    }

    [Fact]
    public void Explicit_cuda_without_a_cuda_provider_fails_with_a_typed_error()
    {
        var error = Assert.Throws<ExecutionProviderUnavailableException>(() => Open(ExecutionProviderPreference.Cuda));
        Assert.Contains("CUDA", error.Message);
    }

    [Theory]
    [InlineData("auto", ExecutionProviderPreference.Auto)]
    [InlineData(" CPU ", ExecutionProviderPreference.Cpu)]
    [InlineData("cuda", ExecutionProviderPreference.Cuda)]
    public void Provider_names_parse(string text, ExecutionProviderPreference expected) =>
        Assert.Equal(expected, ExecutionProviderNames.Parse(text));

    [Fact]
    public void Unknown_provider_names_are_refused() =>
        Assert.Throws<ArgumentException>(() => ExecutionProviderNames.Parse("tpu"));

    [Fact]
    public void Metadata_is_read_at_load()
    {
        using var session = Open();
        Assert.Equal(TinyDetector.Metadata(Height, Width), session.Metadata);
        Assert.Equal(Height, session.InputHeight);
        Assert.Equal(Width, session.InputWidth);
        Assert.Equal("0.1.0", session.MetadataProperties[DetectorMetadataKeys.Version]);
        Assert.True(session.WarmUpTime > TimeSpan.Zero);
    }

    [Fact]
    public void Batches_of_changing_size_match_direct_computation()
    {
        using var session = Open();
        foreach (var batch in new[] { 3, 1, 3, 2 })
        {
            var images = TestData.Uniform(50 + batch, batch * 3 * Height * Width, 0, 1);
            var outputs = session.Run(images, batch);
            var (scores, maps) = TinyDetector.Expected(images, batch, Height, Width);
            Assert.Equal(batch, outputs.BatchSize);
            TestData.AssertClose(scores, outputs.Scores);
            TestData.AssertClose(maps, outputs.AnomalyMaps);
            TestData.AssertClose(maps.AsSpan(Height * Width * (batch - 1)), outputs.AnomalyMap(batch - 1));
        }
    }

    [Fact]
    public void Equal_batches_reuse_the_same_output_buffers()
    {
        using var session = Open();
        var images = TestData.Uniform(60, 2 * 3 * Height * Width, 0, 1);
        ref readonly var first = ref MemoryMarshal.GetReference(session.Run(images, 2).AnomalyMaps);
        var input = session.GetInputBuffer(2);
        images.CopyTo(input);
        var second = session.Run(2);
        Assert.True(Unsafe.AreSame(in first, in MemoryMarshal.GetReference(second.AnomalyMaps)));
        TestData.AssertClose(TinyDetector.Expected(images, 2, Height, Width).Maps, second.AnomalyMaps);
    }

    [Fact]
    public void Input_of_the_wrong_length_is_refused_with_the_numbers()
    {
        using var session = Open();
        var error = Assert.Throws<ArgumentException>(() => session.Run(new float[10], 1));
        Assert.Contains((3 * Height * Width).ToString(), error.Message);
    }

    [Fact]
    public void A_model_without_detector_metadata_is_refused()
    {
        var bytes = OnnxModelFile.ToBytes(TinyDetector.Create(Height, Width, withMetadata: false));
        var error = Assert.Throws<ModelContractException>(() => DetectorSession.Open(bytes));
        Assert.Contains(DetectorMetadataKeys.Method, error.Message);
    }

    [Fact]
    public void An_anomaly_map_of_the_wrong_size_is_refused()
    {
        var bytes = OnnxModelFile.ToBytes(TinyDetector.Create(Height, Width, mapHeight: Height * 2));
        var error = Assert.Throws<ModelContractException>(() => DetectorSession.Open(bytes));
        Assert.Contains(DetectorContract.AnomalyMapOutput, error.Message);
    }

    [Fact]
    public void A_detector_file_opens_from_disk()
    {
        var folder = Directory.CreateTempSubdirectory("iad-detector-").FullName;
        try
        {
            var path = Path.Combine(folder, "d.onnx");
            OnnxModelFile.Write(TinyDetector.Create(Height, Width), path);
            using var session = DetectorSession.Open(path);
            Assert.Equal("channel_mean", session.Metadata.Method);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
