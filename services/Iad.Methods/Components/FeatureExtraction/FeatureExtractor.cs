using Iad.Onnx.Models;
using Iad.Onnx.Runtime;

namespace Iad.Methods.Components.FeatureExtraction;

/// <summary>
/// Runs the <see cref="EmbeddingGraph"/> through ONNX Runtime in batches: images float32 [N, 3, H, W] RGB in [0, 1]
/// (ImageNet normalisation happens inside) → embeddings [N · P, C] row-major, one row per position. Input and output
/// buffers are allocated once and reused; one caller at a time.
/// </summary>
public sealed class FeatureExtractor : IDisposable
{
    private readonly TensorSession _session;

    /// <exception cref="ModelContractException">The backbone's layer shapes disagree with its declared channels or strides.</exception>
    public FeatureExtractor(FeatureBackbone backbone, EmbeddingSpec spec, int height, int width, SessionSettings? settings = null, int preallocateBatch = 1)
    {
        var (model, shape) = EmbeddingGraph.Build(backbone, spec, height, width);
        Shape = shape;
        InputHeight = height;
        InputWidth = width;
        _session = TensorSession.Open(OnnxModelFile.ToBytes(model), new TensorSessionOptions
        {
            Settings = settings ?? new SessionSettings(),
            SampleShape = [3, height, width],
            OutputNames = [EmbeddingGraph.OutputName],
            PreallocateBatchSize = preallocateBatch,
        });
        var produced = _session.OutputSampleShape(0);
        if (produced.Count != 2 || produced[0] != shape.Patches || produced[1] != shape.Channels)
        {
            _session.Dispose();
            throw new ModelContractException(
                $"Backbone '{backbone.Name}' gives embeddings [{string.Join(",", produced)}] per {height}x{width} image; expected [{shape.Patches},{shape.Channels}].");
        }
    }

    public EmbeddingShape Shape { get; }

    public int InputHeight { get; }

    public int InputWidth { get; }

    /// <summary>Floats per input image (3 · H · W).</summary>
    public int ImageLength => 3 * InputHeight * InputWidth;

    /// <summary>
    /// Embeddings of <paramref name="count"/> images, [count · P, C] row-major (image n's position p is row n · P + p).
    /// The span views a reused buffer and is valid until the next call.
    /// </summary>
    /// <exception cref="ArgumentException">The image length is not count · 3 · H · W.</exception>
    public ReadOnlySpan<float> Extract(ReadOnlySpan<float> images, int count)
    {
        _session.Run(images, count);
        return _session.GetOutput(0);
    }

    /// <summary>
    /// Streams <paramref name="source"/> through the extractor into <paramref name="destination"/>, checking cancellation
    /// between batches; returns the number of images.
    /// </summary>
    public int ExtractAll(IEnumerable<ImageBatch> source, FeatureBuffer destination, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        var images = 0;
        foreach (var batch in source)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Validate(InputHeight, InputWidth);
            destination.Append(Extract(batch.Pixels.Span, batch.Count));
            images += batch.Count;
            progress?.Report(new FitProgress(FitStages.Features, images, -1));
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (images == 0) throw new ArgumentException("The training source yielded no images.");
        return images;
    }

    public void Dispose() => _session.Dispose();
}
