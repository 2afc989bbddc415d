using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Iad.Datasets.Settings.Manifests;
using Iad.Hosting;
using Microsoft.Extensions.Options;

namespace Iad.Dataset.Service.Manifests;

/// <summary>
/// Content-addressed manifest files <c>&lt;data dir&gt;/manifests/&lt;sha256&gt;.json</c> holding the canonical JSON.
/// Writes are atomic (temporary file, fsync, rename), so a crash never leaves a partial manifest under its hash;
/// loads verify that the bytes hash to the file name. Manifests stored or loaded by this process stay cached in memory.
/// </summary>
public sealed partial class ManifestStore
{
    private readonly string _folder;
    private readonly ConcurrentDictionary<string, Manifest> _cache = new(StringComparer.Ordinal);

    public ManifestStore(IOptions<IadHostingOptions> hosting)
    {
        _folder = Path.Combine(hosting.Value.DataDir!, "manifests");
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Stores <paramref name="manifest"/> under its hash; storing the same manifest again is a no-op.</summary>
    public void Save(Manifest manifest)
    {
        var path = PathOf(manifest.Sha256);
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(manifest.CanonicalJson.Span);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        _cache.TryAdd(manifest.Sha256, manifest);
    }

    /// <summary>The manifest with hash <paramref name="sha256"/>, from memory or disk.</summary>
    /// <exception cref="ArgumentException">The hash is not 64 lowercase hex digits.</exception>
    /// <exception cref="KeyNotFoundException">No manifest has that hash.</exception>
    /// <exception cref="ManifestIntegrityException">The stored bytes do not hash to the name or do not parse.</exception>
    public Manifest Load(string sha256)
    {
        if (!HashPattern().IsMatch(sha256 ?? ""))
            throw new ArgumentException($"manifest hash must be 64 lowercase hex digits, got '{sha256}' ({sha256?.Length ?? 0} characters)");
        return _cache.TryGetValue(sha256!, out var cached) ? cached : _cache.GetOrAdd(sha256!, ReadFile);
    }

    private Manifest ReadFile(string sha256)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path)) throw new KeyNotFoundException($"manifest {sha256} does not exist; build it with BuildSetting");
        var bytes = File.ReadAllBytes(path);
        var actual = ManifestJson.Hash(bytes);
        if (actual != sha256) throw new ManifestIntegrityException($"stored manifest {sha256} hashes to {actual}; the file is corrupt");
        try
        {
            return ManifestJsonReader.Read(bytes);
        }
        catch (InvalidDataException exception)
        {
            throw new ManifestIntegrityException($"stored manifest {sha256} cannot be read: {exception.Message}");
        }
    }

    private string PathOf(string sha256) => Path.Combine(_folder, sha256 + ".json");

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();
}
