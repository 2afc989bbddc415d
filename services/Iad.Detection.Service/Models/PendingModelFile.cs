using System.Security.Cryptography;

namespace Iad.Detection.Service.Models;

/// <summary>
/// A cache entry being written: chunks are appended to a temporary file and hashed on the way; <see cref="Commit"/>
/// checks size and SHA-256, flushes to disk and renames into place. Disposing without a commit deletes the temporary file.
/// </summary>
public sealed class PendingModelFile : IDisposable
{
    private readonly string _finalPath;
    private readonly string _tempPath;
    private readonly string _sha256;
    private readonly long _sizeBytes;
    private readonly FileStream _stream;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _written;
    private bool _committed;

    internal PendingModelFile(string finalPath, string tempPath, string sha256, long sizeBytes)
    {
        _finalPath = finalPath;
        _tempPath = tempPath;
        _sha256 = sha256;
        _sizeBytes = sizeBytes;
        _stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>Appends one chunk.</summary>
    /// <exception cref="ModelIntegrityException">The chunks exceed the announced size.</exception>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_written + chunk.Length > _sizeBytes)
            throw new ModelIntegrityException($"The download exceeds the announced {_sizeBytes} bytes (at least {_written + chunk.Length} received).");
        _stream.Write(chunk);
        _hash.AppendData(chunk);
        _written += chunk.Length;
    }

    /// <summary>Verifies size and hash, makes the bytes durable and moves the file to its content address.</summary>
    /// <exception cref="ModelIntegrityException">Size or SHA-256 differ from the announced values.</exception>
    public string Commit()
    {
        if (_written != _sizeBytes)
            throw new ModelIntegrityException($"The download ended after {_written} bytes; the registry announced {_sizeBytes}.");
        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (actual != _sha256)
            throw new ModelIntegrityException($"SHA-256 mismatch: the registry announced {_sha256} but the downloaded bytes hash to {actual}.");
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_tempPath, _finalPath, overwrite: true);
        _committed = true;
        return _finalPath;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _hash.Dispose();
        if (!_committed && File.Exists(_tempPath)) File.Delete(_tempPath);
    }
}
