using System.Text;
using Iad.Datasets.Errors;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts.Common;

/// <summary>
/// A comma-separated file with a header row (RFC 4180 quoting: fields in double quotes may hold commas and newlines,
/// <c>""</c> is a quote). Columns are looked up by header name.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, Dictionary<string, int> columns, List<(int Line, string[] Fields)> rows)
    {
        Path = path;
        _columns = columns;
        Rows = rows;
    }

    /// <summary>Root-relative path of the file.</summary>
    public string Path { get; }

    /// <summary>Data rows (header excluded) with their 1-based starting line numbers; blank lines skipped.</summary>
    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    /// <summary>Reads and parses a CSV file inside the root.</summary>
    /// <exception cref="DatasetFormatException">Unterminated quote or no header.</exception>
    public static CsvTable Read(DatasetRoot root, string relativePath)
    {
        var rows = Parse(root.ReadAllText(relativePath), relativePath);
        if (rows.Count == 0)
        {
            throw new DatasetFormatException(relativePath, "no header row");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var header = rows[0].Fields;
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        rows.RemoveAt(0);
        return new CsvTable(relativePath, columns, rows);
    }

    /// <summary>Index of a required column.</summary>
    /// <exception cref="DatasetFormatException">The header lacks it.</exception>
    public int Column(string name) =>
        _columns.TryGetValue(name, out var index)
            ? index
            : throw new DatasetFormatException(Path, $"header has no column '{name}' (columns: {string.Join(", ", _columns.Keys)})");

    /// <summary>Field of a row, trimmed; a missing trailing field reads as empty.</summary>
    public static string Field(string[] fields, int column) => column < fields.Length ? fields[column].Trim() : string.Empty;

    private static List<(int Line, string[] Fields)> Parse(string text, string path)
    {
        var rows = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var rowHasContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    rowHasContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    rowHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow();
                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append(c);
                    rowHasContent = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new DatasetFormatException(path, $"unterminated quoted field starting on line {rowLine}");
        }

        EndRow();
        return rows;

        void EndRow()
        {
            if (rowHasContent)
            {
                fields.Add(field.ToString());
                rows.Add((rowLine, fields.ToArray()));
            }

            fields.Clear();
            field.Clear();
            rowHasContent = false;
        }
    }
}
