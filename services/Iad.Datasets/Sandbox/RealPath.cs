namespace Iad.Datasets.Sandbox;

/// <summary>
/// Physical path resolution, like POSIX <c>realpath</c>: every symbolic link on the way is replaced by its target and
/// <c>..</c> is applied to the already-resolved parent, so the result names the real location.
/// </summary>
public static class RealPath
{
    /// <summary>Link hops followed before giving up (Linux's own limit for one lookup).</summary>
    public const int MaxLinkHops = 40;

    /// <summary>
    /// Real absolute path of <paramref name="path"/> (made absolute against the current directory first).
    /// Components that do not exist are kept as written; links are followed one hop at a time
    /// (<see cref="FileSystemInfo.LinkTarget"/>), relative targets against the link's real folder.
    /// </summary>
    /// <exception cref="IOException">More than <see cref="MaxLinkHops"/> links (a loop).</exception>
    public static string Resolve(string path)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>();
        PushComponents(pending, absolute[root.Length..]);
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"Too many symbolic links (> {MaxLinkHops}) while resolving '{path}'.");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                PushComponents(pending, target[current.Length..]);
            }
            else
            {
                PushComponents(pending, target);
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> equals <paramref name="root"/> or lies below it (both real, ordinal).</summary>
    public static bool IsWithin(string path, string root)
    {
        if (path.Length == root.Length)
        {
            return string.Equals(path, root, StringComparison.Ordinal);
        }

        var trimmed = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(trimmed, StringComparison.Ordinal);
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
