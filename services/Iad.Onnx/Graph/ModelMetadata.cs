using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Graph;

/// <summary>Reads and writes a model's <c>metadata_props</c> (string key/value pairs; keys are unique).</summary>
public static class ModelMetadata
{
    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, replacing an existing entry with that key.</summary>
    public static void Set(ModelProto model, string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var entry in model.MetadataProps)
        {
            if (entry.Key == key)
            {
                entry.Value = value;
                return;
            }
        }
        model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
    }

    /// <summary>All entries as a dictionary; a duplicated key keeps its last value.</summary>
    public static Dictionary<string, string> Read(ModelProto model)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in model.MetadataProps) result[entry.Key] = entry.Value;
        return result;
    }
}
