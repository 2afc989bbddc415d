using System.Globalization;
using Google.Protobuf;
using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Models;

/// <summary>
/// Reads and writes ONNX model files, including ONNX external data (tensor bytes in a side file next to the model,
/// referenced by <c>location</c>/<c>offset</c>/<c>length</c>), which is how models beyond protobuf's 2 GiB limit are stored.
/// Writes are atomic: each file is written to a temporary name, flushed to disk and renamed.
/// </summary>
public static class OnnxModelFile
{
    /// <summary>
    /// Reads a model. With <paramref name="resolveExternalData"/>, initializers stored externally are loaded into
    /// <c>raw_data</c> so the model can be edited and written anywhere; otherwise they keep their references.
    /// </summary>
    /// <exception cref="OnnxModelException">The file is not a valid model, or external data is missing, truncated or outside the model's folder.</exception>
    public static ModelProto Read(string path, bool resolveExternalData = true)
    {
        ModelProto model;
        try
        {
            using var stream = File.OpenRead(path);
            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxModelException($"'{path}' is not a valid ONNX model: {e.Message}", e);
        }
        if (model.Graph is null) throw new OnnxModelException($"'{path}' holds no graph.");
        if (resolveExternalData) ExternalData.Resolve(model, Path.GetDirectoryName(Path.GetFullPath(path))!);
        return model;
    }

    /// <summary>Parses a model held in memory; it must not reference external data.</summary>
    public static ModelProto FromBytes(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OnnxModelException($"Bytes are not a valid ONNX model: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="path"/>. When its initializer data exceeds
    /// <see cref="ExternalDataOptions.ThresholdBytes"/>, tensors of at least <see cref="ExternalDataOptions.MinTensorBytes"/>
    /// go to a side file instead (the in-memory model is not changed). Returns what was written.
    /// </summary>
    /// <exception cref="OnnxModelException">An initializer still references unresolved external data.</exception>
    public static ModelWriteResult Write(ModelProto model, string path, ExternalDataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new ExternalDataOptions();
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        foreach (var tensor in model.Graph.Initializer)
        {
            if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
                throw new OnnxModelException($"Initializer '{tensor.Name}' still references external data; read the model with resolveExternalData: true before writing it.");
        }

        long total = 0;
        foreach (var tensor in model.Graph.Initializer) total += tensor.RawData.Length;
        var toWrite = model;
        string? sidePath = null;
        var externalCount = 0;
        if (total > options.ThresholdBytes)
        {
            var fileName = options.FileName ?? Path.GetFileName(fullPath) + ".data";
            sidePath = ExternalData.CheckedLocation(folder, fileName);
            (toWrite, externalCount) = ExternalData.WriteSideFile(model, sidePath, fileName, options);
        }

        AtomicFile.Write(fullPath, stream => toWrite.WriteTo(stream));
        return new ModelWriteResult(fullPath, externalCount > 0 ? sidePath : null, externalCount);
    }

    /// <summary>The serialized model; only for models under 2 GiB without external data.</summary>
    public static byte[] ToBytes(ModelProto model) => model.ToByteArray();

    /// <summary>Formats an integer the way ONNX external-data entries store them.</summary>
    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
