using System.Text.RegularExpressions;

namespace Iad.Training.Service.Registry;

/// <summary>Model ids are <c>name@version</c>; a bare name means its latest version.</summary>
public static partial class ModelIds
{
    /// <summary>Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public static string Format(string name, int version) => $"{name}@{version}";

    /// <summary>Splits <paramref name="id"/> into name and version (null for a bare name).</summary>
    /// <exception cref="ArgumentException">Not a valid name or name@version.</exception>
    public static (string Name, int? Version) Parse(string id)
    {
        var at = id.LastIndexOf('@');
        var name = at < 0 ? id : id[..at];
        if (!IsValidName(name))
            throw new ArgumentException($"'{id}' is not a model id: expected name or name@version, names of lower-case letters, digits, '.', '_' and '-' (at most 100).");
        if (at < 0) return (name, null);
        if (!int.TryParse(id.AsSpan(at + 1), System.Globalization.NumberStyles.None, null, out var version) || version < 1)
            throw new ArgumentException($"'{id}' has no valid version after '@' (a positive integer).");
        return (name, version);
    }
}
