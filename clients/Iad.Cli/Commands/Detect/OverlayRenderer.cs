using Iad.Imaging.Encoding;
using Iad.Imaging.Preprocessing;
using Iad.Reports.Overlays;

namespace Iad.Cli.Commands.Detect;

/// <summary>
/// Anomaly-map overlays at the map's resolution: the input image resized to the map's W×H (as detection resizes it),
/// blended with the <see cref="JetColormap"/> colour of each map value:
/// out = (1 − α)·image + α·jet((map − low) / (high − low)) per channel, α = <see cref="OverlayTileRenderer.Alpha"/>,
/// t clamped to [0, 1] and t = 0 everywhere when high ≤ low. The same blend as the report overlays, without their
/// letter-boxing.
/// </summary>
internal static class OverlayRenderer
{
    private static readonly byte[] JetTable = BuildJetTable();

    /// <summary>Decodes <paramref name="encodedImage"/>, resizes it to <paramref name="width"/>×<paramref name="height"/>, blends and returns a PNG.</summary>
    /// <exception cref="Iad.Imaging.Decoding.ImageDecodeException">The image cannot be decoded.</exception>
    /// <exception cref="ArgumentException"><paramref name="map"/> does not hold width·height values.</exception>
    public static byte[] RenderPng(ReadOnlySpan<byte> encodedImage, ReadOnlySpan<float> map, int width, int height, MapRange range)
    {
        var image = ImagePreprocessor.LoadImage(encodedImage, new InputGeometry(width, height));
        Blend(image.Pixels, map, range);
        return ImageEncoder.EncodePng(image);
    }

    /// <summary>Blends in place: <paramref name="rgb"/> is H·W·3 interleaved RGB bytes, <paramref name="map"/> H·W values.</summary>
    /// <exception cref="ArgumentException">The lengths do not match (3 bytes per map value).</exception>
    public static void Blend(Span<byte> rgb, ReadOnlySpan<float> map, MapRange range)
    {
        if (rgb.Length != map.Length * 3)
            throw new ArgumentException($"image has {rgb.Length} bytes, the map {map.Length} values; expected 3 bytes per value.", nameof(rgb));
        const float alpha = OverlayTileRenderer.Alpha;
        var scale = range.High > range.Low ? 255f / (range.High - range.Low) : 0f;
        for (var i = 0; i < map.Length; i++)
        {
            // NaN compares false both ways and so lands on the cold end, like a value below the range.
            var level = (map[i] - range.Low) * scale;
            var index = level > 0f ? (int)(MathF.Min(level, 255f) + 0.5f) * 3 : 0;
            var pixel = i * 3;
            for (var c = 0; c < 3; c++) rgb[pixel + c] = (byte)((1f - alpha) * rgb[pixel + c] + alpha * JetTable[index + c] + 0.5f);
        }
    }

    private static byte[] BuildJetTable()
    {
        var table = new byte[256 * 3];
        for (var i = 0; i < 256; i++) (table[i * 3], table[i * 3 + 1], table[i * 3 + 2]) = JetColormap.Map(i / 255f);
        return table;
    }
}
