using System.Collections.Concurrent;
using Iad.Datasets.Errors;

namespace Iad.Datasets.Sandbox;

/// <summary>
/// A dataset folder every read must stay inside. Readers only name root-relative paths (<c>/</c>-separated) and this
/// type refuses any that would leave the root: absolute paths, <c>..</c> segments, and symbolic links (anywhere on the
/// way, including enumerated entries) whose real target lies outside the root's real path. Links that stay inside are
/// followed.
/// </summary>
/// <remarks>
/// Real paths of folders are cached per instance, so resolving many files of one folder costs one link check each.
/// An instance is a snapshot tool for one scan: links changed while it lives may be missed by the cache.
/// </remarks>
public sealed class DatasetRoot
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        AttributesToSkip = FileAttributes.None,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly ConcurrentDictionary<string, string> _realFolders = new(StringComparer.Ordinal);

    /// <summary>Opens a root.</summary>
    /// <param name="path">Folder path; relative paths are taken against the current directory; links are resolved.</param>
    /// <exception cref="DatasetNotFoundException">The folder does not exist.</exception>
    public DatasetRoot(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FullPath = RealPath.Resolve(path);
        if (!Directory.Exists(FullPath))
        {
            throw new DatasetNotFoundException(path);
        }
    }

    /// <summary>Real absolute path of the root.</summary>
    public string FullPath { get; }

    /// <summary>Joins root-relative parts with <c>/</c>, skipping empty ones.</summary>
    public static string Join(params ReadOnlySpan<string> parts)
    {
        var kept = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length > 0)
            {
                kept.Add(part.Trim('/'));
            }
        }

        return string.Join('/', kept);
    }

    /// <summary>
    /// Real absolute path of a root-relative path. The empty string is the root itself. The target need not exist.
    /// </summary>
    /// <exception cref="PathEscapeException">Absolute path, <c>..</c> segment, NUL character, or a link leading outside.</exception>
    public string Resolve(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath.Contains('\0'))
        {
            throw new PathEscapeException(relativePath, FullPath, "contains a NUL character");
        }

        if (Path.IsPathRooted(relativePath) || relativePath.StartsWith('\\'))
        {
            throw new PathEscapeException(relativePath, FullPath, "absolute paths are not accepted");
        }

        var parts = relativePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part == "..")
            {
                throw new PathEscapeException(relativePath, FullPath, "'..' segments are not accepted");
            }
        }

        var real = FullPath;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == ".")
            {
                continue;
            }

            var isLast = i == parts.Length - 1;
            real = isLast ? ResolveEntry(real, parts[i]) : ResolveFolder(real, parts[i]);
            if (!RealPath.IsWithin(real, FullPath))
            {
                // The link target is left out of the message: it names a place outside the sandbox.
                throw new PathEscapeException(relativePath, FullPath, "a symbolic link on the way resolves outside the root");
            }
        }

        return real;
    }

    /// <summary>True when the path is an existing folder (after following links inside the root).</summary>
    /// <exception cref="PathEscapeException">See <see cref="Resolve"/>.</exception>
    public bool IsDirectory(string relativePath) => Directory.Exists(Resolve(relativePath));

    /// <summary>True when the path is an existing file (after following links inside the root).</summary>
    /// <exception cref="PathEscapeException">See <see cref="Resolve"/>.</exception>
    public bool IsFile(string relativePath) => File.Exists(Resolve(relativePath));

    /// <summary>
    /// Names of the sub-folders of a folder, sorted ordinally, hidden entries (leading <c>.</c>) skipped. Every entry is
    /// checked, so a link to a folder outside the root throws instead of being listed or silently dropped.
    /// </summary>
    /// <exception cref="PathEscapeException">The folder or an entry escapes the root.</exception>
    /// <exception cref="DatasetNotFoundException">The folder does not exist.</exception>
    public IReadOnlyList<string> ListDirectories(string relativePath) => List(relativePath, directories: true);

    /// <summary>Names of the files of a folder; same rules as <see cref="ListDirectories"/>.</summary>
    /// <exception cref="PathEscapeException">The folder or an entry escapes the root.</exception>
    /// <exception cref="DatasetNotFoundException">The folder does not exist.</exception>
    public IReadOnlyList<string> ListFiles(string relativePath) => List(relativePath, directories: false);

    /// <summary>Opens a file inside the root for reading.</summary>
    /// <exception cref="PathEscapeException">See <see cref="Resolve"/>.</exception>
    public FileStream OpenRead(string relativePath) => File.OpenRead(Resolve(relativePath));

    /// <summary>Reads a text file inside the root (UTF-8, BOM honoured).</summary>
    /// <exception cref="PathEscapeException">See <see cref="Resolve"/>.</exception>
    public string ReadAllText(string relativePath) => File.ReadAllText(Resolve(relativePath));

    private IReadOnlyList<string> List(string relativePath, bool directories)
    {
        var folder = Resolve(relativePath);
        if (!Directory.Exists(folder))
        {
            throw new DatasetNotFoundException(relativePath);
        }

        var names = new List<string>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", ListOptions))
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            bool isDirectory, isFile;
            if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                // A link: check where it leads before judging its kind by the target.
                var real = Resolve(Join(relativePath, entry.Name));
                isDirectory = Directory.Exists(real);
                isFile = !isDirectory && File.Exists(real);
            }
            else
            {
                // Not a link, inside a real folder that is inside the root: nothing to resolve.
                isDirectory = entry is DirectoryInfo;
                isFile = !isDirectory;
            }

            if (directories ? isDirectory : isFile)
            {
                names.Add(entry.Name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private string ResolveFolder(string realParent, string name)
    {
        var lexical = Path.Join(realParent, name);
        return _realFolders.GetOrAdd(lexical, static p => RealPath.Resolve(p));
    }

    private static string ResolveEntry(string realParent, string name)
    {
        var lexical = Path.Join(realParent, name);
        return new FileInfo(lexical).LinkTarget is null ? lexical : RealPath.Resolve(lexical);
    }
}
