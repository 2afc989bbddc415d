using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Components.Statistics;

namespace Iad.Methods.Padim;

/// <summary>
/// Fits PaDiM: streams training images through the <see cref="FeatureExtractor"/> (no local aggregation, layer3
/// upsampled by nearest as anomalib, random channel subset) into one contiguous [images · P, d] buffer (P · d floats per
/// image, no images kept), then a per-position <see cref="GaussianAccumulator"/>; the kept embeddings are scored once
/// more to measure the training-score normalisation.
/// Continual update per <see cref="PadimContinualMode"/>.
/// </summary>
internal static class PadimFitter
{
    public static PadimModel Fit(IEnumerable<ImageBatch> source, FitOptions options, IFittedModel? baseModel,
        IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var settings = options.Padim;
        settings.Validate();
        var total = options.Backbone.Layer2.Channels + options.Backbone.Layer3.Channels;
        var spec = new EmbeddingSpec(false, EmbeddingUpsampling.Nearest, PadimChannels.Select(total, settings.Channels, options.Seed));
        var shape = EmbeddingGraph.ShapeOf(options.Backbone, spec, options.InputHeight, options.InputWidth);
        var previous = CheckBase(baseModel, options, spec);

        var extractor = new FeatureExtractor(options.Backbone, spec, options.InputHeight, options.InputWidth, options.Session);
        try
        {
            using var features = new FeatureBuffer(shape.Channels, shape.Patches * 32);
            var images = extractor.ExtractAll(source, features, progress, cancellationToken);
            progress?.Report(new FitProgress(FitStages.Statistics, 0, shape.Patches));
            var accumulator = new GaussianAccumulator(shape.Patches, shape.Channels);
            accumulator.Add(features.Span, images);
            if (previous is not null && settings.ContinualMode == PadimContinualMode.Pool)
                accumulator.AddFitted(previous.Mean, previous.Covariance, previous.ImageCount, previous.Options.Epsilon);
            cancellationToken.ThrowIfCancellationRequested();
            var gaussian = accumulator.Finish(settings.Epsilon, settings.MaxDegreeOfParallelism);
            var model = new PadimModel(options.Backbone, options.InputHeight, options.InputWidth, spec, shape, accumulator.Count, gaussian,
                settings, options.Session, extractor);
            var scores = new float[images];
            var maps = new float[options.InputHeight * options.InputWidth];
            var perImage = shape.Patches * shape.Channels;
            for (var n = 0; n < images; n++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                model.ScoreEmbeddings(features.Span.Slice(n * perImage, perImage), 1, scores.AsSpan(n, 1), maps);
            }
            model.Normalisation = ScoreNormalisation.FromScores(scores);
            progress?.Report(new FitProgress(FitStages.Statistics, shape.Patches, shape.Patches));
            return model;
        }
        catch
        {
            extractor.Dispose();
            throw;
        }
    }

    private static PadimModel? CheckBase(IFittedModel? baseModel, FitOptions options, EmbeddingSpec spec)
    {
        if (baseModel is null) return null;
        if (baseModel is not PadimModel model)
            throw new IncompatibleModelException($"A PaDiM update needs a PaDiM base model, got '{baseModel.Method}'.");
        if (model.Backbone != options.Backbone.Name || model.InputHeight != options.InputHeight || model.InputWidth != options.InputWidth
            || !model.Spec.ChannelSubset!.SequenceEqual(spec.ChannelSubset!))
            throw new IncompatibleModelException(
                $"The base model uses backbone '{model.Backbone}' at {model.InputHeight}x{model.InputWidth} with {model.Shape.Channels} channels " +
                $"(seed-dependent subset); this fit uses '{options.Backbone.Name}' at {options.InputHeight}x{options.InputWidth} with {spec.ChannelSubset!.Count} channels — use the same seed and channel count.");
        return model;
    }
}
