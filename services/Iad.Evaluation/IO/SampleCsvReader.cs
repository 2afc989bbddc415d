namespace Iad.Evaluation.IO;

/// <summary>
/// Reads a samples CSV with header <c>id,sample_id</c>, mapping each image (view) id to the multi-view sample it
/// belongs to. Duplicate ids throw <see cref="InvalidDataException"/> naming the line.
/// </summary>
public static class SampleCsvReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads all rows from <paramref name="reader"/>: view id → sample id.</summary>
    public static IReadOnlyDictionary<string, string> Read(TextReader reader)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, f) in CsvLines.Read(reader, "id,sample_id"))
            if (!map.TryAdd(f[0], f[1])) throw new InvalidDataException($"line {line}: id '{f[0]}' appears twice.");
        return map;
    }

    /// <summary>The sample id of each entry of <paramref name="ids"/>; an id missing from the map throws <see cref="InvalidDataException"/>.</summary>
    public static string[] SampleIdsFor(IReadOnlyList<string> ids, IReadOnlyDictionary<string, string> samples)
    {
        var result = new string[ids.Count];
        for (var i = 0; i < ids.Count; i++)
            result[i] = samples.TryGetValue(ids[i], out var s) ? s : throw new InvalidDataException($"id '{ids[i]}' has no sample in the samples table.");
        return result;
    }
}
