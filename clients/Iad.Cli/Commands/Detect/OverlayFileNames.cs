namespace Iad.Cli.Commands.Detect;

/// <summary>
/// Overlay file names in one output folder: <c>&lt;input stem&gt;.png</c>, and <c>&lt;stem&gt;-2.png</c>, <c>-3</c> …
/// when inputs from different folders share a stem, so no overlay overwrites another of the same run.
/// </summary>
internal sealed class OverlayFileNames(string folder)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string For(string inputPath)
    {
        var stem = Path.GetFileNameWithoutExtension(inputPath);
        var name = stem + ".png";
        for (var n = 2; !_used.Add(name); n++) name = $"{stem}-{n}.png";
        return Path.Combine(folder, name);
    }
}
