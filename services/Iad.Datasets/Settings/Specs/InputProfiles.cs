namespace Iad.Datasets.Settings.Specs;

/// <summary>
/// Named reproduction profiles of the papers' input geometry: <c>beyond</c> = 256 resize, no crop (Beyond §4.1);
/// <c>real-iad</c> = 256 resize + 224 center crop (Real-IAD's PatchCore/PaDiM tables); <c>im-iad</c> = the method's
/// image size of IM-IAD Table V, no crop (needs <see cref="InputOptions.Method"/>).
/// </summary>
public static class InputProfiles
{
    /// <summary>Beyond's practical protocol.</summary>
    public const string Beyond = "beyond";

    /// <summary>Real-IAD's reproduction geometry.</summary>
    public const string RealIad = "real-iad";

    /// <summary>IM-IAD Table V per-method sizes.</summary>
    public const string ImIad = "im-iad";

    /// <summary>IM-IAD Table V image sizes by lower-case method name.</summary>
    public static IReadOnlyDictionary<string, int> ImIadSizes { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["cfa"] = 256, ["csflow"] = 768, ["cutpaste"] = 224, ["dne"] = 224, ["draem"] = 256, ["fastflow"] = 256,
        ["favae"] = 256, ["igd"] = 256, ["padim"] = 256, ["patchcore"] = 256, ["regad"] = 224, ["rd4ad"] = 256,
        ["spade"] = 256, ["stpm"] = 256,
    };

    /// <summary>(resize side, center crop) of a profile; the method matters for <c>im-iad</c> only.</summary>
    /// <exception cref="SettingException">Unknown profile, or <c>im-iad</c> with a missing or unknown method.</exception>
    public static (int ImageSize, int CenterCrop) Lookup(string profile, string? method) => profile switch
    {
        Beyond => (256, 0),
        RealIad => (256, 224),
        ImIad => method is not null && ImIadSizes.TryGetValue(method, out var size)
            ? (size, 0)
            : throw new SettingException(
                $"input profile '{ImIad}' needs a method of IM-IAD Table V, got '{method}'; methods: {string.Join(", ", ImIadSizes.Keys)}."),
        _ => throw new SettingException($"input profile '{profile}' does not exist; profiles: {Beyond}, {ImIad}, {RealIad}."),
    };
}
