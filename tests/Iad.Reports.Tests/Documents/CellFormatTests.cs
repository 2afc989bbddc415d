using Iad.Reports.Documents;

namespace Iad.Reports.Tests.Documents;

public sealed class CellFormatTests
{
    [Theory]
    [InlineData(0.98765, "0.988")]
    [InlineData(1.0, "1.000")]
    [InlineData(-0.0125, "-0.013")]
    [InlineData(double.NaN, "–")]
    [InlineData(double.PositiveInfinity, "–")]
    public void Metric_has_three_decimals_and_dash_for_non_finite(double value, string expected) =>
        Assert.Equal(expected, CellFormat.Metric(value));

    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1536L, "1.5 KiB")]
    [InlineData(3L * 1024 * 1024 * 1024, "3.0 GiB")]
    [InlineData(-1L, "–")]
    public void Bytes_use_binary_units(long value, string expected) => Assert.Equal(expected, CellFormat.Bytes(value));

    [Fact]
    public void Counts_and_seconds()
    {
        Assert.Equal("16,384", CellFormat.Count(16384));
        Assert.Equal("–", CellFormat.Count(null));
        Assert.Equal("95.4 s", CellFormat.Seconds(95.44));
        Assert.Equal("–", CellFormat.Seconds(double.NaN));
    }
}
