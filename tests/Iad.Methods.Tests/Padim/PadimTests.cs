using Iad.Methods.Padim;
using Iad.Methods.Tests.Fixtures;
using Iad.Onnx.Detector;
using Iad.Onnx.Models;

namespace Iad.Methods.Tests.Padim;

public class PadimTests(FittedModels fixture) : IClassFixture<FittedModels>
{
    private const string Manifest = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    [Fact]
    public void Detects_synthetic_defects_at_image_and_pixel_level()
    {
        var (image, pixel) = Scoring.Auroc(fixture.Padim, fixture.TaskA);
        Assert.True(image >= 0.9, $"image AUROC {image}");
        Assert.True(pixel >= 0.9, $"pixel AUROC {pixel}");
    }

    [Fact]
    public void Keeps_a_seeded_subset_of_one_hundred_channels()
    {
        var model = fixture.Padim;
        Assert.Equal(100, model.Shape.Channels);
        Assert.Equal(PadimChannels.Select(384, 100, 0), model.Spec.ChannelSubset);
        Assert.NotEqual(PadimChannels.Select(384, 100, 0), PadimChannels.Select(384, 100, 1));
        Assert.Equal(256, model.StateRows);
    }

    [Fact]
    public void Image_score_is_the_maximum_of_the_map()
    {
        var images = fixture.TaskA.Test.AsSpan(12 * SyntheticTask.ImageLength, 2 * SyntheticTask.ImageLength).ToArray();
        var (scores, maps) = fixture.Padim.Score(new ImageBatch(images, 2));
        var plane = SyntheticTask.Size * SyntheticTask.Size;
        for (var i = 0; i < 2; i++) Assert.Equal(maps.AsSpan(i * plane, plane).ToArray().Max(), scores[i]);
    }

    [Fact]
    public void Compiled_detector_matches_in_process_scoring_in_a_bare_runtime_session()
    {
        var model = fixture.Padim;
        const int count = 5;
        var images = fixture.TaskA.Test.AsSpan(10 * SyntheticTask.ImageLength, count * SyntheticTask.ImageLength).ToArray();
        var expected = model.Score(new ImageBatch(images, count));
        var onnx = model.Compile(new DetectorCompileOptions(Manifest));
        var (scores, maps) = CompiledDetector.Run(onnx, images, count, SyntheticTask.Size);
        var scale = expected.Scores.Max(MathF.Abs);
        CompiledDetector.AssertClose(expected.Scores, scores, scale);
        CompiledDetector.AssertClose(expected.Maps, maps, scale);
        using var detector = DetectorSession.Open(OnnxModelFile.ToBytes(onnx));
        Assert.Equal("padim", detector.Metadata.Method);
    }

    [Fact]
    public void Continual_modes_replace_or_pool_the_statistics()
    {
        var method = new PadimMethod();
        using var fresh = (PadimModel)method.Fit(fixture.TaskB.TrainBatches(limit: 8), SyntheticTask.Options());
        using var replaced = (PadimModel)method.Fit(fixture.TaskB.TrainBatches(limit: 8), SyntheticTask.Options(), fixture.Padim);
        Assert.True(fresh.Mean.SequenceEqual(replaced.Mean));
        Assert.Equal(8, replaced.ImageCount);

        var pool = SyntheticTask.Options() with { Padim = new PadimOptions { ContinualMode = PadimContinualMode.Pool } };
        using var pooled = (PadimModel)method.Fit(fixture.TaskB.TrainBatches(limit: 8), pool, fixture.Padim);
        Assert.Equal(32, pooled.ImageCount);
        for (var i = 0; i < 500; i++) Assert.Equal((24 * fixture.Padim.Mean[i] + 8 * fresh.Mean[i]) / 32, pooled.Mean[i], 1e-4f);
        Assert.Throws<IncompatibleModelException>(() => method.Fit(fixture.TaskB.TrainBatches(), SyntheticTask.Options(seed: 5), fixture.Padim));
    }
}
