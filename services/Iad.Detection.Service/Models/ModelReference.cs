namespace Iad.Detection.Service.Models;

/// <summary>
/// A model id as clients write it: <c>&lt;name&gt;@&lt;version&gt;</c> or <c>&lt;name&gt;</c> (the loaded or latest version).
/// Names and versions are 1..128 characters of letters, digits, '.', '_' and '-' (names start with a letter or digit),
/// which keeps them safe as metric labels and file names.
/// </summary>
public readonly record struct ModelReference(string Name, string? Version)
{
    private const int MaxLength = 128;

    /// <summary>Parses <paramref name="modelId"/>.</summary>
    /// <exception cref="ArgumentException">Empty, or a name or version outside the allowed alphabet or length.</exception>
    public static ModelReference Parse(string modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId)) throw new ArgumentException("model_id is required.", nameof(modelId));
        var at = modelId.LastIndexOf('@');
        var name = at < 0 ? modelId : modelId[..at];
        var version = at < 0 ? null : modelId[(at + 1)..];
        if (!IsValidPart(name) || !char.IsAsciiLetterOrDigit(name[0]))
            throw new ArgumentException($"Model name '{name}' must be 1..{MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(modelId));
        if (version is not null && !IsValidPart(version))
            throw new ArgumentException($"Model version '{version}' must be 1..{MaxLength} letters, digits, '.', '_' or '-'.", nameof(modelId));
        return new ModelReference(name, version);
    }

    /// <summary>Whether <paramref name="value"/> is a valid name or version.</summary>
    public static bool IsValidPart(string value)
    {
        if (value.Length is 0 or > MaxLength) return false;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-')) return false;
        }
        return true;
    }

    public override string ToString() => Version is null ? Name : $"{Name}@{Version}";
}
