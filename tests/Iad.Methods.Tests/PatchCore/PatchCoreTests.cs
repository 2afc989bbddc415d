using Iad.Evaluation.Image;
using Iad.Methods.PatchCore;
using Iad.Methods.Tests.Fixtures;
using Iad.Onnx.Detector;
using Iad.Onnx.Models;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Methods.Tests.PatchCore;

public class PatchCoreTests(FittedModels fixture) : IClassFixture<FittedModels>
{
    private const string Manifest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Detects_synthetic_defects_at_image_and_pixel_level()
    {
        var (image, pixel) = Scoring.Auroc(fixture.PatchCore, fixture.TaskA);
        Assert.True(image >= 0.9, $"image AUROC {image}");
        Assert.True(pixel >= 0.9, $"pixel AUROC {pixel}");
    }

    [Fact]
    public void Scores_against_shuffled_labels_stay_near_chance()
    {
        var (scores, _) = Scoring.ScoreAll(fixture.PatchCore, fixture.TaskA);
        var random = new Random(21);
        var labels = fixture.TaskA.Labels.OrderBy(_ => random.Next()).ToArray();
        var auroc = Auroc.Compute(labels, Array.ConvertAll(scores, s => (double)s));
        Assert.True(Math.Abs(auroc - 0.5) < 0.2, $"shuffled-label AUROC {auroc}");
    }

    [Fact]
    public void Bank_is_the_coreset_share_of_training_patches_with_a_self_first_neighbour_table()
    {
        var model = fixture.PatchCore;
        Assert.Equal(24 * 256 / 10, model.StateRows);
        Assert.Equal(9, model.NeighbourCount);
        for (var r = 0; r < model.StateRows; r++) Assert.Equal(r, model.NeighbourTable[r * 9]);
        Assert.True(model.Normalisation.Max >= model.Normalisation.Min && model.Normalisation.Min >= 0);
    }

    [Fact]
    public void Compiled_detector_matches_in_process_scoring_in_a_bare_runtime_session()
    {
        var model = fixture.PatchCore;
        var task = fixture.TaskA;
        const int count = 6;
        var images = new float[count * SyntheticTask.ImageLength];
        task.Test.AsSpan(9 * SyntheticTask.ImageLength, count * SyntheticTask.ImageLength).CopyTo(images);
        var expected = model.Score(new ImageBatch(images, count));

        var onnx = model.Compile(new DetectorCompileOptions(Manifest, "1.2.3"));
        var (scores, maps) = CompiledDetector.Run(onnx, images, count, SyntheticTask.Size);
        var scale = expected.Scores.Max(MathF.Abs);
        CompiledDetector.AssertClose(expected.Scores, scores, scale);
        CompiledDetector.AssertClose(expected.Maps, maps, scale);

        using var detector = DetectorSession.Open(OnnxModelFile.ToBytes(onnx));
        Assert.Equal("patchcore", detector.Metadata.Method);
        Assert.Equal("iad_builtin_v1", detector.Metadata.Backbone);
        Assert.Equal((128, 128), (detector.InputHeight, detector.InputWidth));
        Assert.Equal(Manifest, detector.Metadata.ManifestSha256);
        Assert.Equal("1.2.3", detector.Metadata.Version);
        Assert.StartsWith("{\"kind\":\"minmax\",\"source\":\"train\"", detector.Metadata.ScoreNormalisation);
    }

    [Fact]
    public void Plain_maximum_with_b_equal_one_compiles_and_bounds_the_reweighted_score()
    {
        var task = fixture.TaskA;
        var options = SyntheticTask.Options() with { PatchCore = new PatchCoreOptions { NeighbourCount = 1 } };
        using var plain = new PatchCoreMethod().Fit(task.TrainBatches(), options);
        var images = task.Test.AsSpan(10 * SyntheticTask.ImageLength, 4 * SyntheticTask.ImageLength).ToArray();
        var max = plain.Score(new ImageBatch(images, 4));
        var weighted = fixture.PatchCore.Score(new ImageBatch(images, 4));
        for (var i = 0; i < 4; i++) Assert.True(weighted.Scores[i] <= max.Scores[i] && weighted.Scores[i] > 0);
        var (scores, _) = CompiledDetector.Run(plain.Compile(new DetectorCompileOptions(Manifest)), images, 4, SyntheticTask.Size);
        CompiledDetector.AssertClose(max.Scores, scores, max.Scores.Max());
    }

    [Fact]
    public void Continual_update_appends_task_b_and_keeps_task_a()
    {
        var before = Scoring.Auroc(fixture.PatchCore, fixture.TaskA).Image;
        using var updated = (PatchCoreModel)new PatchCoreMethod().Fit(fixture.TaskB.TrainBatches(), SyntheticTask.Options(), fixture.PatchCore);
        Assert.Equal(2 * fixture.PatchCore.StateRows, updated.StateRows);
        Assert.True(updated.Bank[..fixture.PatchCore.Bank.Length].SequenceEqual(fixture.PatchCore.Bank));
        var after = Scoring.Auroc(updated, fixture.TaskA).Image;
        Assert.True(Math.Abs(after - before) <= 0.02, $"task-A AUROC {before} → {after}");
        Assert.True(Scoring.Auroc(updated, fixture.TaskB).Image >= 0.9);
    }

    [Fact]
    public void Memory_budget_reselects_a_coreset_over_the_union()
    {
        const int budget = 800;
        var options = SyntheticTask.Options() with { PatchCore = new PatchCoreOptions { MemoryBudget = budget } };
        using var updated = new PatchCoreMethod().Fit(fixture.TaskB.TrainBatches(), options, fixture.PatchCore);
        Assert.Equal(budget, updated.StateRows);
        var before = Scoring.Auroc(fixture.PatchCore, fixture.TaskA).Image;
        Assert.True(Scoring.Auroc(updated, fixture.TaskA).Image >= before - 0.05);
    }

    [Fact]
    public void Writes_external_data_that_a_runtime_session_loads()
    {
        var folder = Directory.CreateTempSubdirectory("iad-methods-");
        try
        {
            var result = fixture.PatchCore.CompileToFile(Path.Combine(folder.FullName, "detector.onnx"), new DetectorCompileOptions(Manifest),
                new ExternalDataOptions { ThresholdBytes = 0 });
            Assert.NotNull(result.ExternalDataPath);
            using var session = new InferenceSession(result.ModelPath);
            var image = fixture.TaskA.Test.AsSpan(0, SyntheticTask.ImageLength).ToArray();
            var (scores, _) = CompiledDetector.Run(session, image, 1, SyntheticTask.Size);
            var expected = fixture.PatchCore.Score(new ImageBatch(image, 1)).Scores[0];
            Assert.Equal(expected, scores[0], 1e-4f * Math.Max(1, expected));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Rejects_cancelled_fits_empty_sources_and_foreign_base_models()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var method = new PatchCoreMethod();
        Assert.Throws<OperationCanceledException>(() => method.Fit(fixture.TaskA.TrainBatches(), SyntheticTask.Options(), cancellationToken: cancelled.Token));
        Assert.Throws<ArgumentException>(() => method.Fit([], SyntheticTask.Options()));
        Assert.Throws<ArgumentException>(() => method.Fit([new ImageBatch(new float[10], 1)], SyntheticTask.Options()));
        Assert.Throws<IncompatibleModelException>(() => method.Fit(fixture.TaskB.TrainBatches(), SyntheticTask.Options(), fixture.Padim));
        Assert.Throws<IncompatibleModelException>(() =>
            method.Fit(fixture.TaskB.TrainBatches(), SyntheticTask.Options() with { InputHeight = 64, InputWidth = 64 }, fixture.PatchCore));
    }
}
