using Iad.Datasets.Errors;

namespace Iad.Datasets.Sandbox;

/// <summary>
/// The folders a server is configured to serve datasets from. A client-supplied dataset root is accepted only when its
/// real path (links resolved) equals one of them or lies below one.
/// </summary>
public sealed class AllowedRoots
{
    private readonly string[] _roots;

    /// <summary>Creates the list.</summary>
    /// <param name="roots">Absolute folder paths; links are resolved now. At least one.</param>
    /// <exception cref="ArgumentException">Empty list or a relative path.</exception>
    public AllowedRoots(IEnumerable<string> roots)
    {
        var list = new List<string>();
        foreach (var root in roots)
        {
            if (string.IsNullOrWhiteSpace(root) || !Path.IsPathRooted(root))
            {
                throw new ArgumentException($"Allowed dataset root '{root}' must be an absolute path.", nameof(roots));
            }

            list.Add(RealPath.Resolve(root));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("At least one allowed dataset root is required.", nameof(roots));
        }

        _roots = [.. list];
    }

    /// <summary>Real paths of the allowed roots, in configuration order.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Opens a client-supplied dataset root if it is allowed.</summary>
    /// <param name="userPath">Absolute path as sent by the client.</param>
    /// <exception cref="RootNotAllowedException">Relative path, or its real path is under no allowed root.</exception>
    /// <exception cref="DatasetNotFoundException">Allowed but not an existing folder.</exception>
    public DatasetRoot Resolve(string userPath)
    {
        if (string.IsNullOrWhiteSpace(userPath) || !Path.IsPathRooted(userPath) || userPath.Contains('\0'))
        {
            throw new RootNotAllowedException(userPath ?? string.Empty, "an absolute path is required");
        }

        var real = RealPath.Resolve(userPath);
        foreach (var root in _roots)
        {
            if (RealPath.IsWithin(real, root))
            {
                return new DatasetRoot(real);
            }
        }

        throw new RootNotAllowedException(userPath, $"its real path '{real}' is under none of the allowed roots [{string.Join(", ", _roots)}]");
    }
}
