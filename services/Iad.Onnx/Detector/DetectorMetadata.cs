using System.Globalization;
using Iad.Onnx.Graph;
using Iad.Onnx.Protobuf;
using Iad.Onnx.Runtime;

namespace Iad.Onnx.Detector;

/// <summary>The metadata a compiled detector carries (see <see cref="DetectorMetadataKeys"/>).</summary>
/// <param name="Method">Method name.</param>
/// <param name="Backbone">Backbone name.</param>
/// <param name="InputHeight">Input height in pixels (≥ 1).</param>
/// <param name="InputWidth">Input width in pixels (≥ 1).</param>
/// <param name="ManifestSha256">SHA-256 of the setting manifest.</param>
/// <param name="ScoreNormalisation">Score normalisation description.</param>
/// <param name="Version">Compiling product version.</param>
public sealed record DetectorMetadata(
    string Method,
    string Backbone,
    int InputHeight,
    int InputWidth,
    string ManifestSha256,
    string ScoreNormalisation,
    string Version)
{
    /// <summary>The <c>metadata_props</c> entries, keyed by <see cref="DetectorMetadataKeys"/>.</summary>
    public Dictionary<string, string> ToProperties() => new(StringComparer.Ordinal)
    {
        [DetectorMetadataKeys.Method] = Method,
        [DetectorMetadataKeys.Backbone] = Backbone,
        [DetectorMetadataKeys.InputSize] = FormatInputSize(InputHeight, InputWidth),
        [DetectorMetadataKeys.ManifestSha256] = ManifestSha256,
        [DetectorMetadataKeys.ScoreNormalisation] = ScoreNormalisation,
        [DetectorMetadataKeys.Version] = Version,
    };

    /// <summary>Writes every entry into <paramref name="model"/>'s metadata_props, replacing existing values.</summary>
    public void WriteTo(ModelProto model)
    {
        foreach (var (key, value) in ToProperties()) ModelMetadata.Set(model, key, value);
    }

    /// <summary>Parses metadata read from a model.</summary>
    /// <exception cref="ModelContractException">A key is missing or the input size is not <c>{height}x{width}</c> with positive integers.</exception>
    public static DetectorMetadata Parse(IReadOnlyDictionary<string, string> properties)
    {
        var missing = DetectorMetadataKeys.All.Where(key => !properties.ContainsKey(key)).ToList();
        if (missing.Count > 0)
            throw new ModelContractException($"Detector metadata lacks [{string.Join(", ", missing)}].");
        var (height, width) = ParseInputSize(properties[DetectorMetadataKeys.InputSize]);
        return new DetectorMetadata(
            properties[DetectorMetadataKeys.Method],
            properties[DetectorMetadataKeys.Backbone],
            height,
            width,
            properties[DetectorMetadataKeys.ManifestSha256],
            properties[DetectorMetadataKeys.ScoreNormalisation],
            properties[DetectorMetadataKeys.Version]);
    }

    /// <summary>Formats an input size as <c>{height}x{width}</c>.</summary>
    public static string FormatInputSize(int height, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"{height}x{width}");

    /// <summary>Parses <c>{height}x{width}</c>.</summary>
    /// <exception cref="ModelContractException">Not two positive integers separated by <c>x</c>.</exception>
    public static (int Height, int Width) ParseInputSize(string value)
    {
        var parts = value.Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && height > 0 && width > 0)
        {
            return (height, width);
        }
        throw new ModelContractException($"'{DetectorMetadataKeys.InputSize}' = '{value}' is not '{{height}}x{{width}}' with positive integers.");
    }
}
