using Iad.Datasets.Errors;
using Iad.Datasets.Sandbox;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Sandbox;

public sealed class AllowedRootsTests : IDisposable
{
    private readonly TempTree _tree = new TempTree().Folder("allowed/mvtec/bottle").Folder("other/private");

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Root_under_an_allowed_root_is_opened()
    {
        var allowed = new AllowedRoots([_tree.Full("allowed")]);

        Assert.Equal(RealPath.Resolve(_tree.Full("allowed/mvtec")), allowed.Resolve(_tree.Full("allowed/mvtec")).FullPath);
        Assert.Equal(RealPath.Resolve(_tree.Full("allowed")), allowed.Resolve(_tree.Full("allowed")).FullPath);
    }

    [Fact]
    public void Root_outside_every_allowed_root_is_refused()
    {
        var allowed = new AllowedRoots([_tree.Full("allowed")]);

        var error = Assert.Throws<RootNotAllowedException>(() => allowed.Resolve(_tree.Full("other/private")));
        Assert.Equal(_tree.Full("other/private"), error.Path);
        Assert.Throws<RootNotAllowedException>(() => allowed.Resolve(_tree.Full("allowed/../other/private")));
        Assert.Throws<RootNotAllowedException>(() => allowed.Resolve(_tree.Full("allowed-sibling")));
    }

    [Fact]
    public void Symlink_inside_an_allowed_root_pointing_outside_is_refused()
    {
        Directory.CreateSymbolicLink(_tree.Full("allowed/shortcut"), _tree.Full("other"));
        var allowed = new AllowedRoots([_tree.Full("allowed")]);

        Assert.Throws<RootNotAllowedException>(() => allowed.Resolve(_tree.Full("allowed/shortcut/private")));
    }

    [Fact]
    public void Relative_request_is_refused()
    {
        var allowed = new AllowedRoots([_tree.Full("allowed")]);

        Assert.Throws<RootNotAllowedException>(() => allowed.Resolve("allowed/mvtec"));
    }

    [Fact]
    public void Allowed_but_missing_root_is_not_found()
    {
        var allowed = new AllowedRoots([_tree.Full("allowed")]);

        Assert.Throws<DatasetNotFoundException>(() => allowed.Resolve(_tree.Full("allowed/visa")));
    }

    [Fact]
    public void Configuration_needs_absolute_roots()
    {
        Assert.Throws<ArgumentException>(() => new AllowedRoots(["relative/data"]));
        Assert.Throws<ArgumentException>(() => new AllowedRoots([]));
    }
}
