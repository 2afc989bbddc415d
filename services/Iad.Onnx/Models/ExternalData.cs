using System.Globalization;
using Google.Protobuf;
using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Models;

/// <summary>ONNX external data: the side file layout and the <c>external_data</c> key/value entries.</summary>
internal static class ExternalData
{
    private const string LocationKey = "location";
    private const string OffsetKey = "offset";
    private const string LengthKey = "length";

    /// <summary>
    /// Writes every eligible initializer's raw data to <paramref name="sidePath"/> at aligned offsets and returns a
    /// shallow copy of the model whose tensors point there. Tensor bytes are shared with the source, not copied.
    /// </summary>
    public static (ModelProto Model, int Count) WriteSideFile(ModelProto model, string sidePath, string location, ExternalDataOptions options)
    {
        if (options.Alignment <= 0) throw new ArgumentOutOfRangeException(nameof(options), $"Alignment must be positive, got {options.Alignment}.");
        var copy = model.Clone();
        var count = 0;
        AtomicFile.Write(sidePath, stream =>
        {
            Span<byte> zeros = stackalloc byte[256];
            zeros.Clear();
            foreach (var tensor in copy.Graph.Initializer)
            {
                var length = tensor.RawData.Length;
                if (length == 0 || length < options.MinTensorBytes) continue;
                var padding = (int)((options.Alignment - stream.Position % options.Alignment) % options.Alignment);
                while (padding > 0)
                {
                    var chunk = Math.Min(padding, zeros.Length);
                    stream.Write(zeros[..chunk]);
                    padding -= chunk;
                }
                var offset = stream.Position;
                stream.Write(tensor.RawData.Span);
                tensor.RawData = ByteString.Empty;
                tensor.DataLocation = TensorProto.Types.DataLocation.External;
                tensor.ExternalData.Clear();
                tensor.ExternalData.Add(new StringStringEntryProto { Key = LocationKey, Value = location });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = OffsetKey, Value = OnnxModelFile.Invariant(offset) });
                tensor.ExternalData.Add(new StringStringEntryProto { Key = LengthKey, Value = OnnxModelFile.Invariant(length) });
                count++;
            }
        });
        return (copy, count);
    }

    /// <summary>Loads all externally stored initializers of <paramref name="model"/> into raw_data.</summary>
    public static void Resolve(ModelProto model, string folder)
    {
        var files = new Dictionary<string, FileStream>(StringComparer.Ordinal);
        try
        {
            foreach (var tensor in model.Graph.Initializer)
            {
                if (tensor.DataLocation != TensorProto.Types.DataLocation.External) continue;
                string? location = null;
                long offset = 0;
                long? length = null;
                foreach (var entry in tensor.ExternalData)
                {
                    switch (entry.Key)
                    {
                        case LocationKey: location = entry.Value; break;
                        case OffsetKey: offset = ParseNumber(tensor, entry); break;
                        case LengthKey: length = ParseNumber(tensor, entry); break;
                    }
                }
                if (location is null) throw new OnnxModelException($"Initializer '{tensor.Name}' is external but has no '{LocationKey}' entry.");
                var path = CheckedLocation(folder, location);
                if (!files.TryGetValue(path, out var stream))
                {
                    if (!File.Exists(path)) throw new OnnxModelException($"External data file '{path}' for initializer '{tensor.Name}' does not exist.");
                    stream = File.OpenRead(path);
                    files.Add(path, stream);
                }
                var size = length ?? stream.Length - offset;
                if (offset < 0 || size < 0 || offset + size > stream.Length)
                    throw new OnnxModelException($"Initializer '{tensor.Name}' needs bytes [{offset}, {offset + size}) of '{path}', which has {stream.Length} bytes.");
                if (size > Array.MaxLength)
                    throw new OnnxModelException($"Initializer '{tensor.Name}' has {size} bytes; a single tensor above {Array.MaxLength} bytes cannot be loaded into memory.");
                var bytes = new byte[size];
                stream.Position = offset;
                stream.ReadExactly(bytes);
                tensor.RawData = UnsafeByteOperations.UnsafeWrap(bytes);
                tensor.ExternalData.Clear();
                tensor.DataLocation = TensorProto.Types.DataLocation.Default;
            }
        }
        finally
        {
            foreach (var stream in files.Values) stream.Dispose();
        }
    }

    /// <summary>The absolute path of <paramref name="location"/>, refused when it leaves <paramref name="folder"/>.</summary>
    public static string CheckedLocation(string folder, string location)
    {
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, location));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(location) || !full.StartsWith(prefix, StringComparison.Ordinal))
            throw new OnnxModelException($"External data location '{location}' leaves the model folder '{root}'.");
        return full;
    }

    private static long ParseNumber(TensorProto tensor, StringStringEntryProto entry) =>
        long.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OnnxModelException($"Initializer '{tensor.Name}' has external-data '{entry.Key}' = '{entry.Value}', not a non-negative integer.");
}
