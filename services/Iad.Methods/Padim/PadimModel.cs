using System.Buffers;
using System.Numerics.Tensors;
using Iad.Methods.Components.AnomalyMaps;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Onnx.Protobuf;

namespace Iad.Methods.Padim;

/// <summary>
/// A fitted PaDiM model (Defard et al. 2020): for each layer2 position p of the embedding (d randomly kept channels of
/// [layer2, layer3 upsampled by nearest]), a Gaussian N(μ_p, Σ_p) with Σ_p regularised by εI and Σ_p⁻¹ precomputed.
/// Scoring: Mahalanobis distance per position, map by <see cref="PadimAnomalyMap"/>, image score = max of the map.
/// </summary>
public sealed class PadimModel : IFittedModel
{
    public const string MethodName = "padim";

    private readonly float[] _mean;
    private readonly float[] _covariance;
    private readonly float[] _inverse;
    private readonly AnomalyMapGenerator _maps;
    private readonly Onnx.Runtime.SessionSettings _session;
    private FeatureExtractor? _extractor;

    internal PadimModel(FeatureBackbone backbone, int height, int width, EmbeddingSpec spec, EmbeddingShape shape, long imageCount,
        (float[] Mean, float[] Covariance, float[] Inverse) gaussian, PadimOptions options, Onnx.Runtime.SessionSettings session, FeatureExtractor? extractor)
    {
        BackboneModel = backbone;
        InputHeight = height;
        InputWidth = width;
        Spec = spec;
        Shape = shape;
        ImageCount = imageCount;
        (_mean, _covariance, _inverse) = gaussian;
        Options = options;
        _session = session;
        _extractor = extractor;
        _maps = PadimAnomalyMap.Create(shape, height, width, options.BlurSigma);
        Normalisation = new ScoreNormalisation(0, 0);
    }

    public string Method => MethodName;

    public string Backbone => BackboneModel.Name;

    public FeatureBackbone BackboneModel { get; }

    public PadimOptions Options { get; }

    /// <summary>The embedding recipe, including the kept channel indices.</summary>
    public EmbeddingSpec Spec { get; }

    public EmbeddingShape Shape { get; }

    /// <summary>Training images behind the statistics (all tasks when pooled).</summary>
    public long ImageCount { get; }

    public int InputHeight { get; }

    public int InputWidth { get; }

    /// <summary>μ, [P, d].</summary>
    public ReadOnlySpan<float> Mean => _mean;

    /// <summary>Σ + εI, [P, d, d].</summary>
    public ReadOnlySpan<float> Covariance => _covariance;

    /// <summary>(Σ + εI)⁻¹, [P, d, d].</summary>
    public ReadOnlySpan<float> InverseCovariance => _inverse;

    internal float[] MeanArray => _mean;

    internal float[] CovarianceArray => _covariance;

    internal float[] InverseArray => _inverse;

    public long StateRows => Shape.Patches;

    public long StateFloats => _mean.LongLength + _inverse.LongLength;

    public ScoreNormalisation Normalisation { get; internal set; }

    public void Score(ReadOnlySpan<float> images, int count, Span<float> scores, Span<float> maps)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one image is needed.");
        if (scores.Length != count) throw new ArgumentException($"Scores hold {scores.Length} values; {count} needed.", nameof(scores));
        if (maps.Length != (long)count * InputHeight * InputWidth)
            throw new ArgumentException($"Maps hold {maps.Length} values; {count} × {InputHeight}x{InputWidth} needed.", nameof(maps));
        _extractor ??= new FeatureExtractor(BackboneModel, Spec, InputHeight, InputWidth, _session);
        ScoreEmbeddings(_extractor.Extract(images, count), count, scores, maps);
    }

    /// <summary>Scores images from their embeddings ([count · P, d]); <paramref name="maps"/> gets count · H · W values.</summary>
    public void ScoreEmbeddings(ReadOnlySpan<float> embeddings, int count, Span<float> scores, Span<float> maps)
    {
        var d = Shape.Channels;
        var patches = Shape.Patches;
        if (embeddings.Length != (long)count * patches * d)
            throw new ArgumentException($"Embeddings hold {embeddings.Length} floats; {count} images × {patches} positions × {d} needed.", nameof(embeddings));
        var plane = InputHeight * InputWidth;
        var grid = ArrayPool<float>.Shared.Rent(patches);
        var scratch = ArrayPool<float>.Shared.Rent(2 * plane);
        Span<float> difference = stackalloc float[d];
        Span<float> projected = stackalloc float[d];
        try
        {
            for (var n = 0; n < count; n++)
            {
                for (var p = 0; p < patches; p++)
                {
                    TensorPrimitives.Subtract(embeddings.Slice((n * patches + p) * d, d), _mean.AsSpan(p * d, d), difference);
                    var inverse = _inverse.AsSpan(p * d * d, d * d);
                    for (var i = 0; i < d; i++) projected[i] = TensorPrimitives.Dot(inverse.Slice(i * d, d), difference);
                    grid[p] = MathF.Sqrt(MathF.Max(TensorPrimitives.Dot(projected, difference), 0));
                }
                var map = maps.Slice(n * plane, plane);
                _maps.Generate(grid.AsSpan(0, patches), map, scratch);
                scores[n] = TensorPrimitives.Max(map);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(grid);
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    public ModelProto Compile(DetectorCompileOptions options) => PadimCompiler.Compile(this, options);

    public void Dispose()
    {
        _extractor?.Dispose();
        _extractor = null;
    }
}
