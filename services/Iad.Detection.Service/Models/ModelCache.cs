using System.Security.Cryptography;

namespace Iad.Detection.Service.Models;

/// <summary>
/// Content-addressed store of downloaded detectors: <c>&lt;directory&gt;/&lt;sha256&gt;.onnx</c>. Files are written to a
/// temporary name, hashed while written, flushed to disk and renamed into place only when size and SHA-256 match,
/// so a crash or a corrupt download never leaves a file under a hash it does not have.
/// </summary>
public sealed class ModelCache
{
    private readonly string _directory;

    /// <summary>Uses (and creates) <paramref name="directory"/>.</summary>
    public ModelCache(string directory)
    {
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The cache folder.</summary>
    public string Folder => _directory;

    /// <summary>Where the file with <paramref name="sha256"/> lives when cached.</summary>
    public string PathFor(string sha256) => Path.Combine(_directory, CheckSha(sha256) + ".onnx");

    /// <summary>
    /// The cached file for <paramref name="sha256"/> when present with that size and hash; a cached file whose content
    /// no longer matches (disk corruption, tampering) is deleted and null returned.
    /// </summary>
    public string? TryGet(string sha256, long sizeBytes)
    {
        var path = PathFor(sha256);
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        if (info.Length == sizeBytes && HashFile(path) == sha256) return path;
        File.Delete(path);
        return null;
    }

    /// <summary>Starts writing the file that must end up with <paramref name="sha256"/> and exactly <paramref name="sizeBytes"/> bytes.</summary>
    public PendingModelFile BeginWrite(string sha256, long sizeBytes) =>
        new(PathFor(sha256), Path.Combine(_directory, $".{sha256}.{Guid.NewGuid():N}.tmp"), sha256, sizeBytes);

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Checks that <paramref name="sha256"/> is 64 lower-case hex digits (it becomes a file name).</summary>
    /// <exception cref="ModelSourceException">It is not.</exception>
    public static string CheckSha(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            throw new ModelSourceException($"'{sha256}' is not a lower-case hex SHA-256 (64 digits).");
        return sha256;
    }
}
