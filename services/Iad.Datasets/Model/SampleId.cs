namespace Iad.Datasets.Model;

/// <summary>Builds sample ids: non-empty parts joined with <c>/</c>.</summary>
public static class SampleId
{
    /// <summary>
    /// Joins <paramref name="parts"/> with <c>/</c>. Parts must be non-empty and contain no <c>/</c>, so every id
    /// splits back into the parts it was made of.
    /// </summary>
    /// <exception cref="ArgumentException">A part is empty or contains <c>/</c>.</exception>
    public static string Of(params ReadOnlySpan<string> parts)
    {
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part) || part.Contains('/'))
            {
                throw new ArgumentException($"Sample id part '{part}' must be non-empty and contain no '/'.", nameof(parts));
            }
        }

        return string.Join('/', parts.ToArray());
    }

    /// <summary>Id of the common shape <c>&lt;category&gt;/&lt;split&gt;/&lt;group&gt;/&lt;stem&gt;</c>.</summary>
    public static string Of(string category, DatasetSplit split, string group, string stem) =>
        Of([category, SplitNames.Token(split), group, stem]);
}
