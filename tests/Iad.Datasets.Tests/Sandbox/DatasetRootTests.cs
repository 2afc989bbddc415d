using Iad.Datasets.Errors;
using Iad.Datasets.Layouts;
using Iad.Datasets.Sandbox;
using Iad.Datasets.Tests.Fixtures;

namespace Iad.Datasets.Tests.Sandbox;

public sealed class DatasetRootTests : IDisposable
{
    private readonly TempTree _outside = new TempTree().Images("secret/x.png");
    private readonly TempTree _tree = MiniDatasets.MvtecAd();

    public void Dispose()
    {
        _tree.Dispose();
        _outside.Dispose();
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("bottle/../../x")]
    [InlineData("bottle/..")]
    [InlineData("..\\x")]
    public void Dot_dot_segments_are_refused(string path)
    {
        var error = Assert.Throws<PathEscapeException>(() => _tree.Root.Resolve(path));
        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Absolute_paths_are_refused_even_inside_the_root()
    {
        var root = _tree.Root;

        Assert.Throws<PathEscapeException>(() => root.Resolve("/etc/passwd"));
        Assert.Throws<PathEscapeException>(() => root.Resolve(Path.Combine(root.FullPath, "bottle")));
    }

    [Fact]
    public void Plain_paths_resolve_inside_the_root()
    {
        var root = _tree.Root;

        Assert.Equal(Path.Combine(root.FullPath, "bottle", "train", "good", "000.png"), root.Resolve("bottle/train/good/000.png"));
        Assert.Equal(root.FullPath, root.Resolve(string.Empty));
        Assert.True(root.IsFile("./bottle//train/good/000.png"));
    }

    [Fact]
    public void File_symlink_escaping_the_root_is_refused()
    {
        File.CreateSymbolicLink(_tree.Full("bottle/train/good/003.png"), _outside.Full("secret/x.png"));

        var error = Assert.Throws<PathEscapeException>(() => _tree.Root.Resolve("bottle/train/good/003.png"));
        Assert.Equal("bottle/train/good/003.png", error.Path);
        Assert.Throws<PathEscapeException>(() => new MvtecAdLayout().Read(_tree.Root));
    }

    [Fact]
    public void Folder_symlink_escaping_the_root_is_refused_when_resolved_or_listed()
    {
        Directory.CreateSymbolicLink(_tree.Full("bottle/test/leak"), _outside.Full("secret"));
        var root = _tree.Root;

        Assert.Throws<PathEscapeException>(() => root.Resolve("bottle/test/leak/x.png"));
        Assert.Throws<PathEscapeException>(() => root.ListDirectories("bottle/test"));
    }

    [Fact]
    public void Relative_symlink_chain_leaving_the_root_is_refused()
    {
        File.CreateSymbolicLink(_tree.Full("hop2"), Path.GetRelativePath(_tree.Path, _outside.Full("secret/x.png")));
        File.CreateSymbolicLink(_tree.Full("bottle/hop1.png"), "../hop2");

        Assert.Throws<PathEscapeException>(() => _tree.Root.Resolve("bottle/hop1.png"));
    }

    [Fact]
    public void Symlinks_inside_the_root_are_followed()
    {
        _tree.Images("shared/extra.png");
        File.CreateSymbolicLink(_tree.Full("bottle/train/good/003.png"), "../../../shared/extra.png");
        Directory.CreateSymbolicLink(_tree.Full("copy"), _tree.Full("grid"));
        var root = _tree.Root;

        Assert.Equal(Path.Combine(root.FullPath, "shared", "extra.png"), root.Resolve("bottle/train/good/003.png"));
        var scan = new MvtecAdLayout().Read(root);
        Assert.Contains(scan.Samples, s => s.Views[0].ImagePath == "bottle/train/good/003.png");
        Assert.True(root.IsFile("copy/train/good/000.png"));
    }

    [Fact]
    public void Root_given_through_a_symlink_is_its_real_path()
    {
        var link = _outside.Full("link-to-dataset");
        Directory.CreateSymbolicLink(link, _tree.Path);

        var root = new DatasetRoot(link);
        Assert.Equal(RealPath.Resolve(_tree.Path), root.FullPath);
        Assert.True(root.IsFile("bottle/train/good/000.png"));
    }

    [Fact]
    public void Missing_root_is_not_found()
    {
        var missing = _tree.Full("no-such-folder");

        var error = Assert.Throws<DatasetNotFoundException>(() => new DatasetRoot(missing));
        Assert.Equal(missing, error.Path);
    }

    [Fact]
    public void Listing_skips_hidden_entries_and_is_sorted()
    {
        _tree.Folder(".cache").Folder("apple");

        Assert.Equal(["apple", "bottle", "grid"], _tree.Root.ListDirectories(string.Empty));
        Assert.Equal(["000.png", "001.png", "002.png"], _tree.Root.ListFiles("bottle/train/good"));
    }
}
