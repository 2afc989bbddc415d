using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Padim;
using Iad.Methods.Persistence;
using Iad.Methods.PatchCore;
using Iad.Methods.Tests.Fixtures;

namespace Iad.Methods.Tests.Persistence;

public sealed class ModelStateFileTests(FittedModels fitted) : IClassFixture<FittedModels>
{
    [Fact]
    public void A_reloaded_PatchCore_model_scores_exactly_like_the_original()
    {
        using var reloaded = RoundTrip(fitted.PatchCore);
        AssertSameScores(fitted.PatchCore, reloaded);
        Assert.Equal(fitted.PatchCore.Normalisation, reloaded.Normalisation);
        Assert.Equal(fitted.PatchCore.StateRows, reloaded.StateRows);
    }

    [Fact]
    public void A_reloaded_PaDiM_model_scores_exactly_like_the_original_and_keeps_its_channel_subset()
    {
        using var reloaded = (PadimModel)RoundTrip(fitted.Padim);
        AssertSameScores(fitted.Padim, reloaded);
        Assert.Equal(fitted.Padim.Spec.ChannelSubset, reloaded.Spec.ChannelSubset);
        Assert.Equal(fitted.Padim.ImageCount, reloaded.ImageCount);
    }

    [Fact]
    public void A_reloaded_model_serves_as_the_base_of_a_continual_update()
    {
        using var reloaded = RoundTrip(fitted.PatchCore);
        using var updated = new PatchCoreMethod().Fit(fitted.TaskB.TrainBatches(limit: 8), SyntheticTask.Options(), reloaded);
        Assert.True(updated.StateRows > reloaded.StateRows);
    }

    [Fact]
    public void A_truncated_state_is_refused_with_a_typed_error()
    {
        using var stream = new MemoryStream();
        ModelStateFile.Save(fitted.PatchCore, stream);
        var truncated = new MemoryStream(stream.ToArray()[..(int)(stream.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => ModelStateFile.Load(truncated, FeatureBackbone.BuiltIn()));
        Assert.Throws<InvalidDataException>(() => ModelStateFile.Load(new MemoryStream("not a state"u8.ToArray()), FeatureBackbone.BuiltIn()));
    }

    [Fact]
    public void A_state_fitted_with_another_backbone_is_refused()
    {
        using var stream = new MemoryStream();
        ModelStateFile.Save(fitted.PatchCore, stream);
        var bytes = stream.ToArray();
        var name = System.Text.Encoding.UTF8.GetBytes(fitted.PatchCore.Backbone);
        var at = bytes.AsSpan().IndexOf(name);
        bytes[at + name.Length - 1] ^= 1;
        var error = Assert.Throws<IncompatibleModelException>(() => ModelStateFile.Load(new MemoryStream(bytes), FeatureBackbone.BuiltIn()));
        Assert.Contains(fitted.PatchCore.Backbone, error.Message);
    }

    private static IFittedModel RoundTrip(IFittedModel model)
    {
        using var stream = new MemoryStream();
        ModelStateFile.Save(model, stream);
        stream.Position = 0;
        return ModelStateFile.Load(stream, FeatureBackbone.BuiltIn());
    }

    private void AssertSameScores(IFittedModel expected, IFittedModel actual)
    {
        var batch = new ImageBatch(fitted.TaskA.Test.AsMemory(0, 4 * SyntheticTask.ImageLength), 4);
        var (scoresA, mapsA) = expected.Score(batch);
        var (scoresB, mapsB) = actual.Score(batch);
        Assert.Equal(scoresA, scoresB);
        Assert.Equal(mapsA, mapsB);
    }
}
