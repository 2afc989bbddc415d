namespace Iad.Training.Service.Registry;

/// <summary>
/// A model being written: a private directory under the registry's staging area. Nothing in it is listed until
/// <see cref="ModelRegistry.Commit"/> renames it into place; disposing an uncommitted stage deletes it.
/// </summary>
public sealed class StagedModel : IDisposable
{
    internal StagedModel(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    /// <summary>Where the detector ONNX file goes.</summary>
    public string ModelPath => Path.Combine(Directory, ModelRegistry.ModelFileName);

    /// <summary>Where the fitted state (for continual updates) goes.</summary>
    public string StatePath => Path.Combine(Directory, ModelRegistry.StateFileName);

    internal bool Committed { get; set; }

    public void Dispose()
    {
        if (Committed || !System.IO.Directory.Exists(Directory)) return;
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover stage is removed when the registry next opens.
        }
    }
}
