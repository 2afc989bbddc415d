using Iad.Detection.Service.Models;

namespace Iad.Detection.Service.KServe;

/// <summary>KServe's (name, version) pair as the service's model ids: <c>name</c>, or <c>name@version</c> when a version is given.</summary>
internal static class KServeModelNames
{
    /// <summary>The model id for <paramref name="name"/> and an optional <paramref name="version"/> (empty = the loaded one).</summary>
    /// <exception cref="ArgumentException">The name or version is empty or outside the allowed alphabet (see <see cref="ModelReference"/>).</exception>
    public static string ToModelId(string name, string version)
    {
        if (!ModelReference.IsValidPart(name) || !char.IsAsciiLetterOrDigit(name[0]))
            throw new ArgumentException($"Model name '{name}' must be 1..128 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        if (version.Length == 0) return name;
        if (!ModelReference.IsValidPart(version))
            throw new ArgumentException($"Model version '{version}' must be 1..128 letters, digits, '.', '_' or '-'.");
        return $"{name}@{version}";
    }

    /// <summary>The version part of a served model's <c>name@version</c> id.</summary>
    public static string VersionOf(ModelDescription model) => model.ModelId[(model.Name.Length + 1)..];
}
