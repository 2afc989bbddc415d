using System.Globalization;

namespace Iad.Reports.Documents;

/// <summary>
/// How numbers appear in report tables and plot labels: invariant culture, a fixed number of decimals per quantity,
/// and "–" (U+2013) for NaN, infinities and absent values.
/// </summary>
public static class CellFormat
{
    /// <summary>Shown for NaN, ±∞ and absent values.</summary>
    public const string Missing = "–";

    /// <summary>Accuracy-type metric (AUROC, AP, PRO, FM) with three decimals, e.g. <c>0.972</c>.</summary>
    public static string Metric(double value) => Fixed(value, "F3");

    /// <summary>Milliseconds with two decimals, e.g. <c>12.34</c>.</summary>
    public static string Milliseconds(double value) => Fixed(value, "F2");

    /// <summary>Images per second with one decimal.</summary>
    public static string Throughput(double value) => Fixed(value, "F1");

    /// <summary>Seconds with one decimal and unit, e.g. <c>3.2 s</c>.</summary>
    public static string Seconds(double value) => double.IsFinite(value) ? Fixed(value, "F1") + " s" : Missing;

    /// <summary>Integer count with thousands separators, e.g. <c>16,384</c>; null shows "–".</summary>
    public static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : Missing;

    /// <summary>
    /// Byte count in binary units with one decimal (B, KiB, MiB, GiB, TiB: each 1024 times the previous), e.g.
    /// <c>1.5 GiB</c>; negative counts show "–".
    /// </summary>
    public static string Bytes(long value)
    {
        if (value < 0) return Missing;
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var scaled = (double)value;
        var unit = 0;
        while (scaled >= 1024 && unit < units.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }
        return unit == 0
            ? value.ToString(CultureInfo.InvariantCulture) + " B"
            : scaled.ToString("F1", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    private static string Fixed(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : Missing;
}
