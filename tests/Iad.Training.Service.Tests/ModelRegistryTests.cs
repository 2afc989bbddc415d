using Iad.Contracts.V1;
using Iad.Training.Service.Registry;

namespace Iad.Training.Service.Tests;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("iad-registry-test-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Model Draft(string name, string parent = "") => new() { Name = name, Method = Method.Patchcore, ParentModelId = parent };

    private static Model Register(ModelRegistry registry, string name, byte[] bytes, string parent = "")
    {
        using var stage = registry.BeginStage();
        File.WriteAllBytes(stage.ModelPath, bytes);
        File.WriteAllBytes(stage.StatePath, [1, 2, 3]);
        return registry.Commit(stage, Draft(name, parent));
    }

    [Fact]
    public void Versions_count_up_per_name_and_a_bare_name_resolves_to_the_latest()
    {
        var registry = new ModelRegistry(_root);
        var first = Register(registry, "alpha", [1]);
        var second = Register(registry, "alpha", [2, 2]);
        var other = Register(registry, "beta", [3]);

        Assert.Equal(("alpha@1", "alpha@2", "beta@1"), (first.ModelId, second.ModelId, other.ModelId));
        Assert.Equal(2, registry.Get("alpha").SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([2, 2])), registry.Get("alpha@2").Sha256);
        Assert.Equal(["alpha@1", "alpha@2", "beta@1"], registry.List().Select(m => m.ModelId));
        Assert.Equal(["alpha@1", "alpha@2"], new ModelRegistry(_root).List("alpha").Select(m => m.ModelId));
    }

    [Fact]
    public void A_write_killed_before_its_rename_is_never_listed_and_is_cleared_at_the_next_start()
    {
        var registry = new ModelRegistry(_root);
        Register(registry, "alpha", [1]);
        // What a killed writer leaves: a half-written stage, and (from an older layout or a manual copy) a version without its record.
        var stage = registry.BeginStage();
        File.WriteAllBytes(stage.ModelPath, new byte[1000]);
        Directory.CreateDirectory(Path.Combine(_root, "alpha", "2"));
        File.WriteAllBytes(Path.Combine(_root, "alpha", "2", ModelRegistry.ModelFileName), [9]);

        var reopened = new ModelRegistry(_root);
        Assert.Equal(["alpha@1"], reopened.List().Select(m => m.ModelId));
        Assert.Equal("alpha@1", reopened.Get("alpha").ModelId);
        Assert.False(Directory.Exists(stage.Directory));
        Assert.Throws<ModelNotFoundException>(() => reopened.Get("alpha@2"));
    }

    [Fact]
    public void A_parent_is_kept_unless_deletion_is_forced_and_an_abandoned_stage_leaves_nothing()
    {
        var registry = new ModelRegistry(_root);
        var parent = Register(registry, "alpha", [1]);
        Register(registry, "alpha", [2], parent: parent.ModelId);

        var conflict = Assert.Throws<RegistryConflictException>(() => registry.Delete(parent.ModelId, force: false));
        Assert.Contains("alpha@2", conflict.Message);
        registry.Delete(parent.ModelId, force: true);
        Assert.Equal(["alpha@2"], registry.List().Select(m => m.ModelId));
        Assert.Throws<ModelNotFoundException>(() => registry.Delete("alpha@1", force: true));

        string abandoned;
        using (var stage = registry.BeginStage())
        {
            abandoned = stage.Directory;
            File.WriteAllBytes(stage.ModelPath, [1]);
        }
        Assert.False(Directory.Exists(abandoned));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("a b")]
    [InlineData("../x")]
    [InlineData("x@0")]
    [InlineData("x@y")]
    public void Malformed_ids_are_refused(string id) =>
        Assert.Throws<ArgumentException>(() => new ModelRegistry(_root).Get(id));
}
