using System.Text.Json;

namespace Iad.Evaluation.Pixel;

/// <summary>
/// The defect types of an MVTec LOCO category, parsed from its <c>defects_config.json</c>: a JSON array of objects with
/// <c>defect_name</c> (string), <c>pixel_value</c> (integer 1..255), <c>saturation_threshold</c> (number &gt; 0) and
/// <c>relative_saturation</c> (boolean). Pixel values must be unique.
/// </summary>
public sealed class DefectsConfig
{
    private readonly Dictionary<int, DefectType> _byPixelValue;

    public DefectsConfig(IEnumerable<DefectType> types)
    {
        _byPixelValue = [];
        foreach (var t in types)
        {
            if (t.PixelValue is < 1 or > 255)
                throw new ArgumentException($"defect '{t.Name}' has pixel value {t.PixelValue}; it must lie in 1..255.", nameof(types));
            if (!(t.SaturationThreshold > 0))
                throw new ArgumentException($"defect '{t.Name}' has saturation threshold {t.SaturationThreshold}; it must be positive.", nameof(types));
            if (!_byPixelValue.TryAdd(t.PixelValue, t))
                throw new ArgumentException($"defects '{_byPixelValue[t.PixelValue].Name}' and '{t.Name}' share pixel value {t.PixelValue}.", nameof(types));
        }
    }

    /// <summary>All defect types, in ascending pixel value.</summary>
    public IReadOnlyList<DefectType> Types => [.. _byPixelValue.Values.OrderBy(t => t.PixelValue)];

    /// <summary>The defect type whose masks carry <paramref name="pixelValue"/>; <see cref="ArgumentException"/> when none does.</summary>
    public DefectType ByPixelValue(int pixelValue) =>
        _byPixelValue.TryGetValue(pixelValue, out var t)
            ? t
            : throw new ArgumentException($"no defect type has pixel value {pixelValue}; known values: {string.Join(", ", _byPixelValue.Keys.Order())}.", nameof(pixelValue));

    /// <summary>Parses the JSON text of a <c>defects_config.json</c>; malformed content throws <see cref="FormatException"/>.</summary>
    public static DefectsConfig Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new FormatException($"defects config must be a JSON array, found {document.RootElement.ValueKind}.");
            var types = new List<DefectType>();
            var index = 0;
            foreach (var e in document.RootElement.EnumerateArray())
            {
                types.Add(new DefectType(
                    Required(e, "defect_name", index).GetString()!,
                    Required(e, "pixel_value", index).GetInt32(),
                    Required(e, "saturation_threshold", index).GetDouble(),
                    Required(e, "relative_saturation", index).GetBoolean()));
                index++;
            }
            return new DefectsConfig(types);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"defects config is malformed: {e.Message}", e);
        }
    }

    /// <summary>Reads and parses a <c>defects_config.json</c> file.</summary>
    public static DefectsConfig Load(string path) => Parse(File.ReadAllText(path));

    private static JsonElement Required(JsonElement entry, string name, int index) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"defects config entry {index} has no '{name}'.");
}
