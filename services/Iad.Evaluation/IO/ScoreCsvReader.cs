using System.Globalization;

namespace Iad.Evaluation.IO;

/// <summary>
/// Reads a scores CSV with header <c>id,label,score</c>: label 0 or 1, score a finite or infinite invariant-culture
/// number (NaN rejected). Duplicate ids, other labels and unparsable numbers throw <see cref="InvalidDataException"/>
/// naming the line.
/// </summary>
public static class ScoreCsvReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static ScoreTable Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <summary>Reads all rows from <paramref name="reader"/>.</summary>
    public static ScoreTable Read(TextReader reader)
    {
        var ids = new List<string>();
        var labels = new List<int>();
        var scores = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, f) in CsvLines.Read(reader, "id,label,score"))
        {
            if (!seen.Add(f[0])) throw new InvalidDataException($"line {line}: id '{f[0]}' appears twice.");
            if (f[1] is not ("0" or "1")) throw new InvalidDataException($"line {line}: label '{f[1]}' must be 0 or 1.");
            if (!double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || double.IsNaN(score))
                throw new InvalidDataException($"line {line}: score '{f[2]}' is not a number.");
            ids.Add(f[0]);
            labels.Add(f[1] == "1" ? 1 : 0);
            scores.Add(score);
        }
        return new ScoreTable([.. ids], [.. labels], [.. scores]);
    }
}
