using System.Text;
using Iad.Datasets.Settings.Manifests;

namespace Iad.Datasets.Tests.Settings;

public sealed class CanonicalJsonTests
{
    private static string Text(object? value) => Encoding.UTF8.GetString(CanonicalJson.Serialize(value));

    [Fact]
    public void Keys_are_sorted_ordinally_at_every_level()
    {
        var value = new Dictionary<string, object?> { ["b"] = 1, ["B"] = new Dictionary<string, object?> { ["z"] = true, ["a"] = null }, ["a"] = new[] { 2, 1 } };

        Assert.Equal("{\"B\":{\"a\":null,\"z\":true},\"a\":[2,1],\"b\":1}", Text(value));
    }

    [Fact]
    public void Doubles_use_invariant_round_trip_text()
    {
        Assert.Equal("[0.1,3,1E-05,-2.5,0.30000000000000004]", Text(new[] { 0.1, 3.0, 1e-5, -2.5, 0.1 + 0.2 }));
    }

    [Fact]
    public void Strings_escape_only_quotes_backslashes_and_control_characters()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001é<\"", Text("a\"b\\c\n\u0001é<"));
        Assert.Equal([0x22, 0xC3, 0xA9, 0x22], CanonicalJson.Serialize("é"));
    }

    [Fact]
    public void Non_finite_numbers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(double.NaN));
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(double.PositiveInfinity));
    }
}
