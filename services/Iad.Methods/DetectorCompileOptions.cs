namespace Iad.Methods;

/// <summary>What a compiled detector records beyond the fitted state.</summary>
/// <param name="ManifestSha256">Lower-case hex SHA-256 of the setting manifest the model was fitted on.</param>
/// <param name="Version">Product version written as <c>iad.version</c>; the library's assembly version when null.</param>
public sealed record DetectorCompileOptions(string ManifestSha256, string? Version = null)
{
    internal string ResolvedVersion => Version ?? typeof(DetectorCompileOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
