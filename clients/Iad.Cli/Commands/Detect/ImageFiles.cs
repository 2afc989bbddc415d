namespace Iad.Cli.Commands.Detect;

/// <summary>Expands the paths given to <c>iad detect</c> into image files.</summary>
internal static class ImageFiles
{
    /// <summary>File extensions treated as images, lower case with the dot.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    /// <summary>
    /// Files as given, and for each folder its image files (all subfolders, ordinal path order), de-duplicated in first
    /// occurrence order. Paths come back absolute.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    /// <exception cref="InvalidDataException">A file given by name has no image extension, or no image was found at all.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Where(IsImage).Order(StringComparer.Ordinal);
                foreach (var file in found) if (seen.Add(file)) files.Add(file);
            }
            else if (File.Exists(full))
            {
                if (!IsImage(full))
                    throw new InvalidDataException($"'{path}' is not an image; accepted extensions: {string.Join(", ", Extensions)}");
                if (seen.Add(full)) files.Add(full);
            }
            else
            {
                throw new FileNotFoundException($"no file or folder '{path}'", path);
            }
        }
        return files.Count > 0
            ? files
            : throw new InvalidDataException($"no images ({string.Join(", ", Extensions)}) in {string.Join(", ", paths)}");
    }

    private static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());
}
