namespace Iad.Evaluation.IO;

/// <summary>Line reading shared by the CSV readers: exact header check, comma split, blank lines skipped.</summary>
internal static class CsvLines
{
    /// <summary>Yields (line number, fields) for every data line after checking the header.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader, string expectedHeader)
    {
        var header = reader.ReadLine();
        if (header is null || header.Trim().TrimStart('\uFEFF') != expectedHeader)
            throw new InvalidDataException($"expected the header '{expectedHeader}', found '{header}'.");
        var columns = expectedHeader.Split(',').Length;
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != columns)
                throw new InvalidDataException($"line {number} has {fields.Length} fields, expected {columns}: '{line}'.");
            for (var i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim();
            yield return (number, fields);
        }
    }
}
