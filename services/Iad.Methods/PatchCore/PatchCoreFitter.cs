using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Components.Sampling;

namespace Iad.Methods.PatchCore;

/// <summary>
/// Fits PatchCore: streams the training images through the <see cref="FeatureExtractor"/> into one contiguous
/// [patches, C] buffer, selects a greedy k-center coreset of ⌊patches · ratio⌋ rows, builds the neighbour table and
/// measures the training-score normalisation. Continual update: the new task's coreset is appended to the base bank;
/// when a memory budget is set and the union exceeds it, a k-center coreset of budget rows is re-selected over the union.
/// </summary>
internal static class PatchCoreFitter
{
    private const int ScoringImages = 16;

    public static PatchCoreModel Fit(IEnumerable<ImageBatch> source, FitOptions options, IFittedModel? baseModel,
        IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = options.PatchCore;
        settings.Validate();
        var shape = EmbeddingGraph.ShapeOf(options.Backbone, EmbeddingSpec.PatchCore, options.InputHeight, options.InputWidth);
        var previous = CheckBase(baseModel, options, shape);

        var extractor = new FeatureExtractor(options.Backbone, EmbeddingSpec.PatchCore, options.InputHeight, options.InputWidth, options.Session);
        try
        {
            using var features = new FeatureBuffer(shape.Channels, shape.Patches * 32);
            var images = extractor.ExtractAll(source, features, progress, cancellationToken);
            var coresetOptions = new KCenterGreedyOptions
            {
                ProjectionDimensions = settings.ProjectionDimensions,
                Seed = options.Seed,
                MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism,
            };
            var count = KCenterGreedy.SampleCount(features.Rows, settings.CoresetRatio);
            var bank = SelectRows(features.Span, features.Rows, shape.Channels, count, coresetOptions, progress, cancellationToken);
            if (previous is not null) bank = [.. previous.BankArray, .. bank];
            var rows = bank.Length / shape.Channels;
            if (settings.MemoryBudget is { } budget && rows > budget)
                bank = SelectRows(bank, rows, shape.Channels, budget, coresetOptions, progress, cancellationToken);

            progress?.Report(new FitProgress(FitStages.Statistics, 0, images));
            var model = new PatchCoreModel(options.Backbone, options.InputHeight, options.InputWidth, shape, bank, settings, options.Session, extractor);
            model.Normalisation = TrainingNormalisation(model, features, images, cancellationToken);
            progress?.Report(new FitProgress(FitStages.Statistics, images, images));
            return model;
        }
        catch
        {
            extractor.Dispose();
            throw;
        }
    }

    private static float[] SelectRows(ReadOnlySpan<float> features, int rows, int columns, int count, KCenterGreedyOptions options,
        IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        var selected = KCenterGreedy.Select(features, rows, columns, count, options,
            progress is null ? null : (done, total) => progress.Report(new FitProgress(FitStages.Coreset, done, total)), cancellationToken);
        var bank = new float[count * columns];
        for (var i = 0; i < count; i++) features.Slice(selected[i] * columns, columns).CopyTo(bank.AsSpan(i * columns, columns));
        return bank;
    }

    private static ScoreNormalisation TrainingNormalisation(PatchCoreModel model, FeatureBuffer features, int images, CancellationToken cancellationToken)
    {
        var scores = new float[images];
        var rowsPerImage = model.Shape.Patches * model.Shape.Channels;
        for (var start = 0; start < images; start += ScoringImages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(ScoringImages, images - start);
            model.ScoreEmbeddings(features.Span.Slice(start * rowsPerImage, count * rowsPerImage), count, scores.AsSpan(start, count), default);
        }
        return ScoreNormalisation.FromScores(scores);
    }

    private static PatchCoreModel? CheckBase(IFittedModel? baseModel, FitOptions options, EmbeddingShape shape)
    {
        if (baseModel is null) return null;
        if (baseModel is not PatchCoreModel model)
            throw new IncompatibleModelException($"A PatchCore update needs a PatchCore base model, got '{baseModel.Method}'.");
        if (model.Backbone != options.Backbone.Name || model.InputHeight != options.InputHeight || model.InputWidth != options.InputWidth || model.Shape != shape)
            throw new IncompatibleModelException(
                $"The base model uses backbone '{model.Backbone}' at {model.InputHeight}x{model.InputWidth} with {model.Shape.Channels} channels; " +
                $"this fit uses '{options.Backbone.Name}' at {options.InputHeight}x{options.InputWidth} with {shape.Channels} channels.");
        return model;
    }
}
