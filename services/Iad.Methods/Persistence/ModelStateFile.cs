using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Padim;
using Iad.Methods.PatchCore;
using Iad.Onnx.Runtime;

namespace Iad.Methods.Persistence;

/// <summary>
/// The fitted state of a model in a file, so a continual update can start from a model fitted in another process.
/// Layout: the 8 ASCII bytes <c>IADSTATE</c>, a little-endian int32 header length, the UTF-8 JSON
/// <see cref="ModelStateHeader"/>, then the state arrays as little-endian float32 in header order
/// (PatchCore: bank [rows, C]; PaDiM: mean [P, d], covariance [P, d, d], inverse covariance [P, d, d]).
/// The backbone is not stored: the loader supplies it and its name must match.
/// </summary>
public static class ModelStateFile
{
    private static ReadOnlySpan<byte> Magic => "IADSTATE"u8;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Writes <paramref name="model"/>'s state to <paramref name="stream"/>.</summary>
    /// <exception cref="NotSupportedException">The model is of a method without a state format.</exception>
    public static void Save(IFittedModel model, Stream stream)
    {
        var (header, arrays) = model switch
        {
            PatchCoreModel p => (Header(p, p.Shape, p.Options, null, null, 0), new[] { p.BankArray }),
            PadimModel p => (Header(p, p.Shape, null, p.Options, p.Spec.ChannelSubset, p.ImageCount), new[] { p.MeanArray, p.CovarianceArray, p.InverseArray }),
            _ => throw new NotSupportedException($"Models of method '{model.Method}' have no state file format."),
        };
        header = header with { ArrayLengths = [.. arrays.Select(a => (long)a.Length)] };
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        stream.Write(Magic);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        stream.Write(length);
        stream.Write(json);
        foreach (var array in arrays) stream.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    /// <summary>Reads a state written by <see cref="Save(IFittedModel, Stream)"/> into a model that scores with <paramref name="backbone"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a state file or is truncated.</exception>
    /// <exception cref="IncompatibleModelException">The state was fitted with another backbone.</exception>
    public static IFittedModel Load(Stream stream, FeatureBackbone backbone, SessionSettings? session = null)
    {
        var header = ReadHeader(stream);
        if (header.Backbone != backbone.Name)
            throw new IncompatibleModelException($"The stored state was fitted with backbone '{header.Backbone}'; '{backbone.Name}' was supplied.");
        var arrays = header.ArrayLengths.Select(length => ReadFloats(stream, length)).ToArray();
        session ??= new SessionSettings();
        switch (header.Method)
        {
            case PatchCoreModel.MethodName when arrays.Length == 1 && header.PatchCore is { } options:
            {
                var shape = EmbeddingGraph.ShapeOf(backbone, EmbeddingSpec.PatchCore, header.InputHeight, header.InputWidth);
                CheckShape(shape, header);
                return new PatchCoreModel(backbone, header.InputHeight, header.InputWidth, shape, arrays[0], options, session, null)
                {
                    Normalisation = new ScoreNormalisation(header.NormalisationMin, header.NormalisationMax),
                };
            }
            case PadimModel.MethodName when arrays.Length == 3 && header.Padim is { } options && header.ChannelSubset is { } subset:
            {
                var spec = new EmbeddingSpec(false, EmbeddingUpsampling.Nearest, subset);
                var shape = EmbeddingGraph.ShapeOf(backbone, spec, header.InputHeight, header.InputWidth);
                CheckShape(shape, header);
                return new PadimModel(backbone, header.InputHeight, header.InputWidth, spec, shape, header.ImageCount,
                    (arrays[0], arrays[1], arrays[2]), options, session, null)
                {
                    Normalisation = new ScoreNormalisation(header.NormalisationMin, header.NormalisationMax),
                };
            }
            default:
                throw new InvalidDataException($"The state file holds method '{header.Method}' with {arrays.Length} arrays, which this version cannot read.");
        }
    }

    /// <summary>Writes the state to <paramref name="path"/>.</summary>
    public static void Save(IFittedModel model, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Save(model, file);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Reads the state at <paramref name="path"/>.</summary>
    public static IFittedModel Load(string path, FeatureBackbone backbone, SessionSettings? session = null)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Load(file, backbone, session);
    }

    private static ModelStateHeader Header(IFittedModel model, EmbeddingShape shape, PatchCoreOptions? patchCore, PadimOptions? padim,
        IReadOnlyList<int>? subset, long imageCount) =>
        new(model.Method, model.Backbone, model.InputHeight, model.InputWidth, shape.Channels, shape.Height, shape.Width,
            model.Normalisation.Min, model.Normalisation.Max, patchCore, padim, subset?.ToArray(), imageCount, []);

    private static void CheckShape(EmbeddingShape shape, ModelStateHeader header)
    {
        if (shape.Channels != header.Channels || shape.Height != header.GridHeight || shape.Width != header.GridWidth)
            throw new IncompatibleModelException(
                $"The stored state has embeddings of {header.Channels} channels on a {header.GridHeight}x{header.GridWidth} grid; the supplied backbone gives {shape.Channels} on {shape.Height}x{shape.Width}.");
    }

    private static ModelStateHeader ReadHeader(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[12];
        if (stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) < prefix.Length)
            throw new InvalidDataException("Not a model state file (shorter than its 12-byte prefix).");
        if (!prefix[..8].SequenceEqual(Magic)) throw new InvalidDataException("Not a model state file (missing IADSTATE signature).");
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(prefix[8..]);
        if (length is <= 0 or > 1 << 24) throw new InvalidDataException($"The state header claims {length} bytes.");
        var json = new byte[length];
        if (stream.ReadAtLeast(json, length, throwOnEndOfStream: false) < length)
            throw new InvalidDataException($"The state file ends inside its {length}-byte header.");
        return JsonSerializer.Deserialize<ModelStateHeader>(json, Json)
            ?? throw new InvalidDataException($"The state header is empty: {Encoding.UTF8.GetString(json)}");
    }

    private static float[] ReadFloats(Stream stream, long length)
    {
        if (length < 0 || length > Array.MaxLength) throw new InvalidDataException($"The state claims an array of {length} floats.");
        var values = new float[length];
        try
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"The state file ends inside an array of {length} floats.", e);
        }
        return values;
    }
}

/// <summary>The JSON header of a <see cref="ModelStateFile"/>.</summary>
/// <param name="Method">Method name (<see cref="IAnomalyMethod.Name"/>).</param>
/// <param name="Backbone">Backbone name the state was fitted with.</param>
/// <param name="InputHeight">Input height in pixels.</param>
/// <param name="InputWidth">Input width in pixels.</param>
/// <param name="Channels">Embedding channels C (PatchCore) or d (PaDiM).</param>
/// <param name="GridHeight">Embedding grid height (layer2 positions).</param>
/// <param name="GridWidth">Embedding grid width.</param>
/// <param name="NormalisationMin">Training-score minimum (<see cref="ScoreNormalisation"/>).</param>
/// <param name="NormalisationMax">Training-score maximum.</param>
/// <param name="PatchCore">PatchCore options (PatchCore states only).</param>
/// <param name="Padim">PaDiM options (PaDiM states only).</param>
/// <param name="ChannelSubset">PaDiM's kept channel indices.</param>
/// <param name="ImageCount">Training images behind PaDiM's statistics (0 for PatchCore).</param>
/// <param name="ArrayLengths">Floats in each array that follows the header.</param>
public sealed record ModelStateHeader(
    string Method,
    string Backbone,
    int InputHeight,
    int InputWidth,
    int Channels,
    int GridHeight,
    int GridWidth,
    float NormalisationMin,
    float NormalisationMax,
    PatchCoreOptions? PatchCore,
    PadimOptions? Padim,
    int[]? ChannelSubset,
    long ImageCount,
    long[] ArrayLengths);
