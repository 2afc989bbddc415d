namespace Iad.Deploy.Tests.Support;

/// <summary>Reads the Prometheus text exposition format far enough to tell which series a scrape holds.</summary>
internal static class ExpositionText
{
    /// <summary>Names of the sample lines (comments and HELP/TYPE lines excluded), e.g. <c>x_bucket</c>, <c>x_count</c>.</summary>
    public static HashSet<string> SampleNames(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var end = line.IndexOfAny(['{', ' ']);
            names.Add(end < 0 ? line : line[..end]);
        }
        return names;
    }

    /// <summary>Whether a metric family has at least one sample: the name itself or a histogram's bucket/sum/count.</summary>
    public static bool HasSeries(IReadOnlySet<string> sampleNames, string metric) =>
        sampleNames.Contains(metric) || sampleNames.Contains(metric + "_bucket")
        || sampleNames.Contains(metric + "_count") || sampleNames.Contains(metric + "_sum");
}
