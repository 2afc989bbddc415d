using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts.Common;

/// <summary>Which files count as images. Extensions compare case-insensitively; names keep their on-disk case.</summary>
internal static class ImageFiles
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff"];

    /// <summary>True for a file name with an image extension (<c>.PNG</c> and <c>.png</c> alike).</summary>
    public static bool IsImage(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        foreach (var known in Extensions)
        {
            if (string.Equals(extension, known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the file name has exactly this extension, ignoring case (<paramref name="extension"/> with dot).</summary>
    public static bool HasExtension(string fileName, string extension) =>
        string.Equals(Path.GetExtension(fileName), extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>File name without its extension.</summary>
    public static string Stem(string fileName) => Path.GetFileNameWithoutExtension(fileName);

    /// <summary>Image file names in a folder, sorted ordinally; non-image and hidden files skipped.</summary>
    public static List<string> List(DatasetRoot root, string folder)
    {
        var images = new List<string>();
        foreach (var name in root.ListFiles(folder))
        {
            if (IsImage(name))
            {
                images.Add(name);
            }
        }

        return images;
    }

    /// <summary>Sub-folder with this name compared case-insensitively, or null (on-disk spelling returned).</summary>
    public static string? FindFolder(DatasetRoot root, string parent, string name)
    {
        foreach (var folder in root.ListDirectories(parent))
        {
            if (string.Equals(folder, name, StringComparison.OrdinalIgnoreCase))
            {
                return folder;
            }
        }

        return null;
    }
}
