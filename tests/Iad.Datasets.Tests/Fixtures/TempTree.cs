using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Tests.Fixtures;

/// <summary>A temporary folder the test fills with a miniature dataset; deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Path = Directory.CreateTempSubdirectory("iad-datasets-").FullName;
    }

    public string Path { get; }

    public DatasetRoot Root => new(Path);

    public string Full(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes the tiny PNG (or given bytes) at each relative path, creating folders.</summary>
    public TempTree Images(params string[] relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            Bytes(relative, TinyImages.Png);
        }

        return this;
    }

    public TempTree Bytes(string relative, byte[] content)
    {
        var full = Full(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public TempTree Text(string relative, string content)
    {
        var full = Full(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TempTree Folder(string relative)
    {
        Directory.CreateDirectory(Full(relative));
        return this;
    }

    public void Delete(string relative)
    {
        var full = Full(relative);
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
        else
        {
            File.Delete(full);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test that made it.
        }
    }
}
