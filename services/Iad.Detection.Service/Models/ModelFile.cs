namespace Iad.Detection.Service.Models;

/// <summary>A verified detector file on local disk, ready to open.</summary>
/// <param name="Path">Absolute path of the ONNX file.</param>
/// <param name="ModelId">Id it is served under, <c>&lt;name&gt;@&lt;version&gt;</c>.</param>
/// <param name="Name">Model name.</param>
/// <param name="Version">Version: the registry's number, or the first 12 hex digits of the SHA-256 for <c>file:</c> ids.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="CacheHit">True when the file came from the local cache instead of a download.</param>
/// <param name="RegistryBankRows">Bank rows from the registry record, or 0.</param>
public sealed record ModelFile(
    string Path, string ModelId, string Name, string Version, string Sha256, long SizeBytes, bool CacheHit, long RegistryBankRows);
