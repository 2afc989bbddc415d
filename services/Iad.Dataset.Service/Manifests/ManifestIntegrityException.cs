namespace Iad.Dataset.Service.Manifests;

/// <summary>A stored manifest's bytes do not match its hash or cannot be parsed (served as DATA_LOSS).</summary>
public sealed class ManifestIntegrityException(string message) : IOException(message);
