namespace Iad.Methods.Tests;

public class MethodRegistryTests
{
    [Fact]
    public void Lists_and_finds_methods_by_name()
    {
        Assert.Equal(["patchcore", "padim"], MethodRegistry.Names);
        Assert.Equal("padim", MethodRegistry.Get("PaDiM").Name);
        var error = Assert.Throws<ArgumentException>(() => MethodRegistry.Get("draem"));
        Assert.Contains("patchcore", error.Message);
    }
}
