using System.Globalization;
using Iad.Detection.Service.Configuration;

namespace Iad.Detection.Service.Models;

/// <summary>
/// Turns a LoadModel id into a verified local file. Registry ids (<c>name@version</c> or <c>name</c>) are pulled from
/// the training service and cached by SHA-256 (a cached file with the right hash is reused without downloading).
/// Ids of the form <c>file:&lt;path&gt;</c> open a file inside <see cref="DetectionOptions.LocalModelRoot"/>; the model is
/// then named after the file (without extension) and versioned by the first 12 hex digits of its SHA-256.
/// </summary>
public sealed class ModelFileResolver(DetectionOptions options, ModelCache cache, TrainingRegistryClient? registry)
{
    /// <summary>Prefix of local-file ids.</summary>
    public const string FilePrefix = "file:";

    /// <summary>Fetches or finds the file for <paramref name="modelId"/>.</summary>
    /// <exception cref="ArgumentException">The id is malformed.</exception>
    /// <exception cref="UnauthorizedAccessException">A <c>file:</c> id while local files are disabled, or a path outside the root.</exception>
    /// <exception cref="FileNotFoundException">The local file does not exist.</exception>
    /// <exception cref="ModelSourceException">No registry is configured, or its record is unusable.</exception>
    /// <exception cref="ModelIntegrityException">The download does not match its SHA-256 or size.</exception>
    public Task<ModelFile> ResolveAsync(string modelId, CancellationToken cancellation) =>
        modelId.StartsWith(FilePrefix, StringComparison.Ordinal)
            ? Task.FromResult(ResolveLocal(modelId[FilePrefix.Length..]))
            : ResolveFromRegistryAsync(modelId, cancellation);

    private ModelFile ResolveLocal(string relative)
    {
        if (string.IsNullOrWhiteSpace(options.LocalModelRoot))
            throw new UnauthorizedAccessException("Loading models from local files is disabled; set Iad:Detection:LocalModelRoot to allow 'file:' ids.");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.LocalModelRoot));
        var path = Path.GetFullPath(Path.Combine(root, relative));
        var info = new FileInfo(path);
        var target = info.Exists ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
        var realRoot = new DirectoryInfo(root).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? root;
        if (!IsInside(path, root) || !(IsInside(target, root) || IsInside(target, realRoot)))
            throw new UnauthorizedAccessException($"'{relative}' resolves outside the local model root.");
        if (!info.Exists) throw new FileNotFoundException($"Model file '{relative}' does not exist under the local model root.");
        var name = Path.GetFileNameWithoutExtension(path);
        if (!ModelReference.IsValidPart(name) || !char.IsAsciiLetterOrDigit(name[0]))
            throw new ArgumentException($"File name '{name}' is not a valid model name (letters, digits, '.', '_', '-').");
        var sha = ModelCache.HashFile(target);
        var version = sha[..12];
        return new ModelFile(target, $"{name}@{version}", name, version, sha, new FileInfo(target).Length, CacheHit: false, RegistryBankRows: 0);
    }

    private async Task<ModelFile> ResolveFromRegistryAsync(string modelId, CancellationToken cancellation)
    {
        ModelReference.Parse(modelId);
        if (registry is null)
            throw new ModelSourceException($"Cannot pull '{modelId}': no training service is configured (Iad:Detection:TrainingAddress).");
        var record = await registry.GetModelAsync(modelId, cancellation).ConfigureAwait(false);
        var reference = ModelReference.Parse(record.ModelId);
        var sha = ModelCache.CheckSha(record.Sha256);
        if (record.SizeBytes <= 0 || record.SizeBytes > options.MaxModelBytes)
            throw new ModelSourceException($"'{record.ModelId}' is {record.SizeBytes} bytes; accepted sizes are 1..{options.MaxModelBytes}.");
        var version = reference.Version ?? record.Version.ToString(CultureInfo.InvariantCulture);
        var cached = cache.TryGet(sha, record.SizeBytes);
        if (cached is not null)
            return new ModelFile(cached, $"{reference.Name}@{version}", reference.Name, version, sha, record.SizeBytes, CacheHit: true, record.BankRows);
        using var pending = cache.BeginWrite(sha, record.SizeBytes);
        var path = await registry.DownloadAsync(record, pending, cancellation).ConfigureAwait(false);
        return new ModelFile(path, $"{reference.Name}@{version}", reference.Name, version, sha, record.SizeBytes, CacheHit: false, record.BankRows);
    }

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
