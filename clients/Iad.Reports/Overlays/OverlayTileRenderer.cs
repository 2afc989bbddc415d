using Iad.Reports.Model;

namespace Iad.Reports.Overlays;

/// <summary>
/// Draws one overlay tile into an RGBA buffer of <see cref="OverlayGridLayout.Tile"/>² pixels: the image, scaled to fit
/// the square with its aspect ratio kept and centred on a dark grey background (bilinear), blended with the
/// <see cref="JetColormap"/> colour of its anomaly map (bilinear): out = (1 − <see cref="Alpha"/>)·image +
/// Alpha·jet((map − lo) / (hi − lo)), with t = 0 everywhere when hi ≤ lo. Mask pixels (nearest neighbour) that touch a
/// non-mask pixel or the image edge are painted white, giving the ground-truth contour.
/// </summary>
public static class OverlayTileRenderer
{
    /// <summary>Weight of the heat-map colour in the blend.</summary>
    public const float Alpha = 0.5f;

    /// <summary>Bytes per tile buffer: Tile·Tile·4 (RGBA, alpha always 255).</summary>
    public const int TileBytes = OverlayGridLayout.Tile * OverlayGridLayout.Tile * 4;

    /// <summary>Background grey level around letter-boxed images.</summary>
    public const byte Background = 40;

    private const int T = OverlayGridLayout.Tile;
    private static readonly byte[] JetTable = BuildJetTable();

    /// <summary>
    /// Renders <paramref name="sample"/> into <paramref name="rgba"/> (length <see cref="TileBytes"/>), using
    /// <paramref name="maskScratch"/> (length Tile²) as work space; [<paramref name="lo"/>, <paramref name="hi"/>] is the
    /// map range shown from blue to red.
    /// </summary>
    public static void Render(OverlaySample sample, float lo, float hi, Span<byte> rgba, Span<byte> maskScratch)
    {
        if (rgba.Length != TileBytes) throw new ArgumentException($"tile buffer has {rgba.Length} bytes, expected {TileBytes}.", nameof(rgba));
        if (maskScratch.Length != T * T) throw new ArgumentException($"mask scratch has {maskScratch.Length} bytes, expected {T * T}.", nameof(maskScratch));
        int w = sample.Width, h = sample.Height;
        var scale = (float)T / Math.Max(w, h);
        var tw = Math.Clamp((int)MathF.Round(w * scale), 1, T);
        var th = Math.Clamp((int)MathF.Round(h * scale), 1, T);
        int ox = (T - tw) / 2, oy = (T - th) / 2;

        for (var i = 0; i < rgba.Length; i += 4)
        {
            rgba[i] = rgba[i + 1] = rgba[i + 2] = Background;
            rgba[i + 3] = 255;
        }
        maskScratch.Clear();

        Span<int> x0 = stackalloc int[T], x1 = stackalloc int[T], mx = stackalloc int[T];
        Span<float> fx = stackalloc float[T];
        SampleAxis(w, tw, x0, x1, fx, mx);
        Span<int> y0 = stackalloc int[T], y1 = stackalloc int[T], my = stackalloc int[T];
        Span<float> fy = stackalloc float[T];
        SampleAxis(h, th, y0, y1, fy, my);

        var invRange = hi > lo ? 1f / (hi - lo) : 0f;
        var img = sample.Rgb;
        var map = sample.AnomalyMap;
        var mask = sample.Mask;
        for (var y = 0; y < th; y++)
        {
            int r0 = y0[y] * w, r1 = y1[y] * w;
            var wy = fy[y];
            var dst = ((oy + y) * T + ox) * 4;
            for (var x = 0; x < tw; x++, dst += 4)
            {
                int a = r0 + x0[x], b = r0 + x1[x], c = r1 + x0[x], d = r1 + x1[x];
                var wx = fx[x];
                var m = Bilinear(map[a], map[b], map[c], map[d], wx, wy);
                var t = Math.Clamp((m - lo) * invRange, 0f, 1f);
                var jet = (int)(t * 255f + 0.5f) * 3;
                for (var ch = 0; ch < 3; ch++)
                {
                    var v = Bilinear(img[a * 3 + ch], img[b * 3 + ch], img[c * 3 + ch], img[d * 3 + ch], wx, wy);
                    rgba[dst + ch] = (byte)Math.Clamp((1f - Alpha) * v + Alpha * JetTable[jet + ch] + 0.5f, 0f, 255f);
                }
                if (mask is not null && mask[my[y] * w + mx[x]] != 0) maskScratch[(oy + y) * T + ox + x] = 1;
            }
        }
        if (mask is not null) DrawContour(rgba, maskScratch, ox, oy, tw, th);
    }

    private static void DrawContour(Span<byte> rgba, ReadOnlySpan<byte> mask, int ox, int oy, int tw, int th)
    {
        for (var y = oy; y < oy + th; y++)
        for (var x = ox; x < ox + tw; x++)
        {
            var i = y * T + x;
            if (mask[i] == 0) continue;
            var edge = x == ox || y == oy || x == ox + tw - 1 || y == oy + th - 1
                       || mask[i - 1] == 0 || mask[i + 1] == 0 || mask[i - T] == 0 || mask[i + T] == 0;
            if (!edge) continue;
            rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = 255;
        }
    }

    // Pixel-centre mapping: destination pixel d samples source coordinate (d + 0.5)·src/dst − 0.5, clamped to the image.
    private static void SampleAxis(int src, int dst, Span<int> lo, Span<int> hi, Span<float> frac, Span<int> nearest)
    {
        var ratio = (float)src / dst;
        for (var d = 0; d < dst; d++)
        {
            var s = Math.Clamp((d + 0.5f) * ratio - 0.5f, 0f, src - 1);
            lo[d] = (int)s;
            hi[d] = Math.Min(lo[d] + 1, src - 1);
            frac[d] = s - lo[d];
            nearest[d] = Math.Min((int)((d + 0.5f) * ratio), src - 1);
        }
    }

    private static float Bilinear(float a, float b, float c, float d, float wx, float wy) =>
        (a + (b - a) * wx) * (1f - wy) + (c + (d - c) * wx) * wy;

    private static byte[] BuildJetTable()
    {
        var table = new byte[256 * 3];
        for (var i = 0; i < 256; i++) (table[i * 3], table[i * 3 + 1], table[i * 3 + 2]) = JetColormap.Map(i / 255f);
        return table;
    }
}
