using System.Buffers;
using System.Numerics.Tensors;
using Iad.Methods.Components.AnomalyMaps;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Components.NearestNeighbours;
using Iad.Onnx.Protobuf;

namespace Iad.Methods.PatchCore;

/// <summary>
/// A fitted PatchCore model (Roth et al. 2022): the memory bank M [rows, C] of coreset patch embeddings, and for every
/// bank row its b nearest bank rows (itself first). Scoring a test image with patch embeddings f_p:
/// <list type="bullet">
/// <item>patch score s_p = min_{m ∈ M} ‖f_p − m‖ (Euclidean, via the matrix product of <see cref="NearestNeighbourSearch"/>);</item>
/// <item>m_test* = f_{p*} with p* = argmax_p s_p (first on ties), s* = s_{p*}, m* = its nearest bank row;</item>
/// <item>image score s = (1 − exp‖m_test* − m*‖ / Σ_{m ∈ N_b(m*)} exp‖m_test* − m‖) · s*, with N_b(m*) the b nearest bank
/// rows of m* including m* itself (anomalib's <c>compute_anomaly_score</c>); b = 1 gives s = s*;</item>
/// <item>anomaly map: <see cref="PatchCoreAnomalyMap"/>.</item>
/// </list>
/// </summary>
public sealed class PatchCoreModel : IFittedModel
{
    private readonly float[] _bank;
    private readonly long[] _neighbours;
    private readonly NearestNeighbourSearch _search;
    private readonly AnomalyMapGenerator _maps;
    private FeatureExtractor? _extractor;
    private readonly Onnx.Runtime.SessionSettings _session;

    internal PatchCoreModel(FeatureBackbone backbone, int height, int width, EmbeddingShape shape, float[] bank, PatchCoreOptions options,
        Onnx.Runtime.SessionSettings session, FeatureExtractor? extractor)
    {
        BackboneModel = backbone;
        InputHeight = height;
        InputWidth = width;
        Shape = shape;
        _bank = bank;
        Options = options;
        _session = session;
        _extractor = extractor;
        _search = new NearestNeighbourSearch(bank, shape.Channels, options.MaxDegreeOfParallelism);
        NeighbourCount = Math.Min(options.NeighbourCount, _search.Rows);
        _neighbours = NeighbourCount > 1 ? BuildNeighbourTable() : [];
        _maps = PatchCoreAnomalyMap.Create(shape, height, width, options.BlurSigma);
        Normalisation = new ScoreNormalisation(0, 0);
    }

    public const string MethodName = "patchcore";

    public string Method => MethodName;

    public string Backbone => BackboneModel.Name;

    public FeatureBackbone BackboneModel { get; }

    public PatchCoreOptions Options { get; }

    public int InputHeight { get; }

    public int InputWidth { get; }

    /// <summary>Embedding geometry: C channels on the h×w layer2 grid.</summary>
    public EmbeddingShape Shape { get; }

    /// <summary>Effective b = min(b, bank rows).</summary>
    public int NeighbourCount { get; }

    /// <summary>The memory bank, [rows, C] row-major.</summary>
    public ReadOnlySpan<float> Bank => _bank;

    /// <summary>For bank row r, its <see cref="NeighbourCount"/> nearest bank rows at r·b … r·b + b − 1, r itself first.</summary>
    public ReadOnlySpan<long> NeighbourTable => _neighbours;

    public long StateRows => _search.Rows;

    public long StateFloats => _bank.LongLength + _neighbours.LongLength * 2;

    public ScoreNormalisation Normalisation { get; internal set; }

    internal float[] BankArray => _bank;

    public void Score(ReadOnlySpan<float> images, int count, Span<float> scores, Span<float> maps)
    {
        CheckOutputs(count, scores, maps);
        _extractor ??= new FeatureExtractor(BackboneModel, EmbeddingSpec.PatchCore, InputHeight, InputWidth, _session);
        ScoreEmbeddings(_extractor.Extract(images, count), count, scores, maps);
    }

    /// <summary>
    /// Scores images from their embeddings ([count · P, C]); <paramref name="maps"/> may be empty to skip the maps.
    /// </summary>
    public void ScoreEmbeddings(ReadOnlySpan<float> embeddings, int count, Span<float> scores, Span<float> maps)
    {
        var patches = Shape.Patches;
        var rows = count * patches;
        if (embeddings.Length != (long)rows * Shape.Channels)
            throw new ArgumentException($"Embeddings hold {embeddings.Length} floats; {count} images × {patches} patches × {Shape.Channels} channels needed.", nameof(embeddings));
        var distances = ArrayPool<float>.Shared.Rent(rows);
        var nearest = ArrayPool<int>.Shared.Rent(rows);
        var scratch = maps.IsEmpty ? null : ArrayPool<float>.Shared.Rent(2 * InputHeight * InputWidth);
        try
        {
            var d = distances.AsSpan(0, rows);
            _search.Search(embeddings, rows, 1, d, nearest.AsSpan(0, rows));
            TensorPrimitives.Max(d, 0f, d);
            TensorPrimitives.Sqrt(d, d);
            var plane = InputHeight * InputWidth;
            for (var n = 0; n < count; n++)
            {
                var patchScores = d.Slice(n * patches, patches);
                var pStar = TensorPrimitives.IndexOfMax(patchScores);
                var row = n * patches + pStar;
                scores[n] = Reweight(embeddings.Slice(row * Shape.Channels, Shape.Channels), nearest[row], patchScores[pStar]);
                if (scratch is not null) _maps.Generate(patchScores, maps.Slice(n * plane, plane), scratch);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(distances);
            ArrayPool<int>.Shared.Return(nearest);
            if (scratch is not null) ArrayPool<float>.Shared.Return(scratch);
        }
    }

    public ModelProto Compile(DetectorCompileOptions options) => PatchCoreCompiler.Compile(this, options);

    public void Dispose()
    {
        _extractor?.Dispose();
        _extractor = null;
    }

    // s = (1 − softmax(‖m_test* − m‖ for m ∈ N_b(m*))[m*]) · s*, with the softmax computed stably.
    private float Reweight(ReadOnlySpan<float> testPatch, int bankRow, float sStar)
    {
        var b = NeighbourCount;
        if (b == 1) return sStar;
        Span<float> distances = stackalloc float[b];
        Span<float> difference = stackalloc float[Shape.Channels];
        for (var j = 0; j < b; j++)
        {
            var neighbour = (int)_neighbours[bankRow * b + j];
            TensorPrimitives.Subtract(_bank.AsSpan(neighbour * Shape.Channels, Shape.Channels), testPatch, difference);
            distances[j] = MathF.Sqrt(TensorPrimitives.Dot(difference, difference));
        }
        var max = TensorPrimitives.Max(distances);
        var sum = 0f;
        for (var j = 0; j < b; j++) sum += MathF.Exp(distances[j] - max);
        return (1 - MathF.Exp(distances[0] - max) / sum) * sStar;
    }

    // N_b(r) for every bank row r: itself first, then its b − 1 nearest other rows, ascending.
    private long[] BuildNeighbourTable()
    {
        var rows = _search.Rows;
        var b = NeighbourCount;
        var distances = new float[rows * b];
        var indices = new int[rows * b];
        _search.Search(_bank, rows, b, distances, indices);
        var table = new long[rows * b];
        for (var r = 0; r < rows; r++)
        {
            var found = indices.AsSpan(r * b, b);
            var target = table.AsSpan(r * b, b);
            target[0] = r;
            var next = 1;
            for (var j = 0; j < b && next < b; j++)
            {
                if (found[j] != r) target[next++] = found[j];
            }
        }
        return table;
    }

    private void CheckOutputs(int count, Span<float> scores, Span<float> maps)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one image is needed.");
        if (scores.Length != count) throw new ArgumentException($"Scores hold {scores.Length} values; {count} needed.", nameof(scores));
        if (maps.Length != (long)count * InputHeight * InputWidth)
            throw new ArgumentException($"Maps hold {maps.Length} values; {count} × {InputHeight}x{InputWidth} needed.", nameof(maps));
    }
}
