using System.Collections;
using System.Globalization;
using System.Text;

namespace Iad.Datasets.Settings.Manifests;

/// <summary>
/// Canonical JSON text: no whitespace, object keys sorted ordinally (UTF-16 code units), UTF-8 without BOM. Strings
/// escape only <c>"</c>, <c>\</c> and control characters below U+0020 (<c>\b \t \n \f \r</c>, else <c>\u00xx</c>);
/// everything else is written as its UTF-8 bytes. Numbers: integers in decimal; doubles in invariant round-trip
/// format (<c>"R"</c>: the shortest text that parses back to the same bits, e.g. <c>0.1</c>, <c>1E-05</c>, <c>3</c>).
/// The same value tree gives the same bytes on every machine, culture and process.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Serializes a tree of null, bool, int, long, double, string, string-keyed dictionaries and sequences.</summary>
    /// <exception cref="ArgumentException">A non-finite double, a duplicate key or an unsupported value type.</exception>
    public static byte[] Serialize(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case int number:
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case long number:
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                WriteDouble(text, number);
                break;
            case string s:
                WriteString(text, s);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteObject(text, map);
                break;
            case IEnumerable<KeyValuePair<string, double>> numbers:
                WriteObject(text, numbers.Select(static p => new KeyValuePair<string, object?>(p.Key, p.Value)));
                break;
            case IEnumerable sequence:
                text.Append('[');
                var first = true;
                foreach (var element in sequence)
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Write(text, element);
                }

                text.Append(']');
                break;
            default:
                throw new ArgumentException($"Canonical JSON cannot hold a value of type {value.GetType()}.", nameof(value));
        }
    }

    private static void WriteObject(StringBuilder text, IEnumerable<KeyValuePair<string, object?>> map)
    {
        var entries = map.ToArray();
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        text.Append('{');
        for (var i = 0; i < entries.Length; i++)
        {
            if (i > 0)
            {
                if (entries[i].Key == entries[i - 1].Key)
                {
                    throw new ArgumentException($"Canonical JSON object has the key '{entries[i].Key}' twice.");
                }

                text.Append(',');
            }

            WriteString(text, entries[i].Key);
            text.Append(':');
            Write(text, entries[i].Value);
        }

        text.Append('}');
    }

    private static void WriteDouble(StringBuilder text, double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException($"Canonical JSON cannot hold the number {number}.");
        }

        text.Append(number.ToString("R", CultureInfo.InvariantCulture));
    }

    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case < ' ':
                    text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
