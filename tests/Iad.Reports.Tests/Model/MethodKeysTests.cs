using Iad.Reports.Model;
using Iad.Reports.Tests.Support;

namespace Iad.Reports.Tests.Model;

public sealed class MethodKeysTests
{
    [Theory]
    [InlineData("PatchCore", "patchcore")]
    [InlineData("I-AUROC", "i-auroc")]
    [InlineData("kNN / SPADE", "knn---spade")]
    [InlineData("", "unnamed")]
    public void Slug_lowercases_and_replaces_unsafe_characters(string name, string expected) =>
        Assert.Equal(expected, MethodKeys.Slug(name));

    [Fact]
    public void Identical_method_and_backbone_cannot_share_files()
    {
        var m = SampleReports.BareMethod();
        var ex = Assert.Throws<ReportDataException>(() => MethodKeys.Assign([m, m]));
        Assert.Contains("methods 0 and 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_names_keep_plain_keys()
    {
        var keys = MethodKeys.Assign([SampleReports.FullMethod(), SampleReports.BareMethod()]);
        Assert.Equal(("patchcore", "padim"), (keys.Key(0), keys.Key(1)));
        Assert.Equal("padim", keys.Label(1));
    }
}
