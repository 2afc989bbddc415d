using Iad.Imaging.Images;
using Iad.Imaging.Randomness;
using Iad.Synthetic.Categories;

namespace Iad.Synthetic.Rendering;

/// <summary>
/// Renders a category image. A scalar shade t(x, y) ∈ [0, 1] comes from the pattern (value noise, threads, stripes or
/// gradient, each with per-image phases and grain); textures colour it as <c>A + (B − A) · t</c>, objects draw an
/// anti-aliased disc, square or ring of colour B over a background of colour A modulated by t. Every pixel is then
/// multiplied by the lighting of <see cref="SceneVariation"/> and receives Gaussian sensor noise of σ =
/// <see cref="CategoryStyle.NoiseSigma"/> grey levels, independently per channel, then rounds and clamps to 0..255.
/// </summary>
public static class SceneRenderer
{
    [ThreadStatic]
    private static float[]? shadeBuffer;

    /// <summary>Renders <paramref name="style"/> at <paramref name="size"/>×<paramref name="size"/>.</summary>
    /// <param name="style">The category's look.</param>
    /// <param name="variation">This image's lighting, phases, pose and noise seed.</param>
    /// <param name="size">Side in pixels.</param>
    /// <param name="includeObject">false renders only an object category's background, pixel-identical to the full render wherever the object does not reach.</param>
    public static RenderedScene Render(CategoryStyle style, SceneVariation variation, int size, bool includeObject = true)
    {
        var pixels = size * size;
        if (shadeBuffer is null || shadeBuffer.Length < pixels) shadeBuffer = new float[pixels];
        var shade = shadeBuffer.AsSpan(0, pixels);
        var grain = new SeededRandom(variation.NoiseSeed);
        FillShade(style, variation, size, shade, grain);

        var isObject = SyntheticCategories.IsObject(style.Kind);
        var centerX = (size - 1) / 2.0 + variation.ShiftX * size;
        var centerY = (size - 1) / 2.0 + variation.ShiftY * size;
        var radius = isObject ? style.ObjectRadius * variation.Scale * size : 0;
        var image = new RgbImage(size, size);
        var output = image.Pixels;
        var noise = new SeededRandom(SeededRandom.Derive(variation.NoiseSeed, 1));
        var table = GaussianTable.Values;
        var sigma = (float)style.NoiseSigma;
        float ar = style.ColorA[0], ag = style.ColorA[1], ab = style.ColorA[2];
        float br = style.ColorB[0], bg = style.ColorB[1], bb = style.ColorB[2];
        var cos = (float)Math.Cos(variation.Rotation);
        var sin = (float)Math.Sin(variation.Rotation);
        var inverseSize = 1f / size;
        ulong bits = 0;
        var bitsLeft = 0;
        for (var y = 0; y < size; y++)
        {
            var rowLight = (float)(variation.Gain * (1 + variation.GradientY * (y * inverseSize - 0.5)));
            var lightStep = (float)(variation.Gain * variation.GradientX) * inverseSize;
            var light0 = rowLight - (float)(variation.Gain * variation.GradientX * 0.5);
            var dy = (float)(y - centerY);
            for (var x = 0; x < size; x++)
            {
                var i = y * size + x;
                var t = shade[i];
                float r, g, b;
                if (!isObject)
                {
                    r = ar + (br - ar) * t;
                    g = ag + (bg - ag) * t;
                    b = ab + (bb - ab) * t;
                }
                else
                {
                    var background = 0.85f + 0.3f * t;
                    r = ar * background;
                    g = ag * background;
                    b = ab * background;
                    if (includeObject)
                    {
                        var (coverage, edge) = Coverage(style, (float)(x - centerX), dy, (float)radius, cos, sin);
                        if (coverage > 0)
                        {
                            // Soft top-left key light on the part: darker towards its rim.
                            var tone = (1f - 0.18f * edge * edge) * (0.95f + 0.1f * t);
                            r += (br * tone - r) * coverage;
                            g += (bg * tone - g) * coverage;
                            b += (bb * tone - b) * coverage;
                        }
                    }
                }
                var light = light0 + lightStep * x;
                if (bitsLeft < 3)
                {
                    bits = noise.NextUInt64();
                    bitsLeft = 5;
                }
                var n0 = table[bits & 0xFFF];
                var n1 = table[(bits >> 12) & 0xFFF];
                var n2 = table[(bits >> 24) & 0xFFF];
                bits >>= 36;
                bitsLeft -= 3;
                output[i * 3] = ToByte(r * light + sigma * n0);
                output[i * 3 + 1] = ToByte(g * light + sigma * n1);
                output[i * 3 + 2] = ToByte(b * light + sigma * n2);
            }
        }
        return new RenderedScene(image, centerX, centerY, radius);
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)(v + 0.5f), 0, 255);

    /// <summary>Coverage in [0, 1] with a one-pixel anti-aliased edge, and the normalised distance from the centre (0 centre … 1 rim).</summary>
    private static (float Coverage, float Edge) Coverage(CategoryStyle style, float dx, float dy, float radius, float cos, float sin)
    {
        switch (style.Kind)
        {
            case CategoryKind.Square:
            {
                var u = MathF.Abs(dx * cos + dy * sin);
                var v = MathF.Abs(-dx * sin + dy * cos);
                var half = radius * 0.85f;
                var m = MathF.Max(u, v);
                return (Math.Clamp(half - m + 0.5f, 0f, 1f), m / half);
            }
            case CategoryKind.Ring:
            {
                var d = MathF.Sqrt(dx * dx + dy * dy);
                var inner = radius * (float)style.RingInner;
                var coverage = MathF.Min(Math.Clamp(radius - d + 0.5f, 0f, 1f), Math.Clamp(d - inner + 0.5f, 0f, 1f));
                return (coverage, Math.Abs(2 * d - radius - inner) / (radius - inner));
            }
            default:
            {
                var d = MathF.Sqrt(dx * dx + dy * dy);
                return (Math.Clamp(radius - d + 0.5f, 0f, 1f), d / radius);
            }
        }
    }

    private static void FillShade(CategoryStyle style, SceneVariation v, int size, Span<float> shade, SeededRandom grain)
    {
        var omega = 2 * Math.PI * style.Frequency / size;
        switch (style.Kind)
        {
            case CategoryKind.Grain:
                shade.Fill(0.5f);
                ValueNoise.Add(shade, size, (int)Math.Round(style.Frequency), 0.7f, grain);
                ValueNoise.Add(shade, size, (int)Math.Round(style.Frequency * 2.5), 0.35f, grain);
                break;
            case CategoryKind.Weave:
            {
                var column = new float[size];
                var row = new float[size];
                for (var i = 0; i < size; i++)
                {
                    column[i] = (float)Math.Sin(omega * i + v.PhaseX);
                    row[i] = (float)Math.Sin(omega * i + v.PhaseY);
                }
                for (var y = 0; y < size; y++)
                {
                    for (var x = 0; x < size; x++)
                    {
                        shade[y * size + x] = 0.5f + 0.2f * column[x] + 0.2f * row[y] + 0.1f * column[x] * row[y];
                    }
                }
                ValueNoise.Add(shade, size, 16, 0.12f, grain);
                break;
            }
            case CategoryKind.Stripes:
            {
                // sin(a + b) = sin a · cos b + cos a · sin b with a along x and b along y keeps the loop free of trigonometry.
                var angle = style.Angle + v.AngleJitter;
                var sinA = new float[size];
                var cosA = new float[size];
                var sinB = new float[size];
                var cosB = new float[size];
                for (var i = 0; i < size; i++)
                {
                    var a = omega * i * Math.Cos(angle);
                    var b = omega * i * Math.Sin(angle) + v.PhaseX;
                    sinA[i] = (float)Math.Sin(a);
                    cosA[i] = (float)Math.Cos(a);
                    sinB[i] = (float)Math.Sin(b);
                    cosB[i] = (float)Math.Cos(b);
                }
                for (var y = 0; y < size; y++)
                {
                    for (var x = 0; x < size; x++)
                    {
                        shade[y * size + x] = 0.5f + 0.4f * (sinA[x] * cosB[y] + cosA[x] * sinB[y]);
                    }
                }
                ValueNoise.Add(shade, size, 12, 0.12f, grain);
                break;
            }
            case CategoryKind.Gradient:
            {
                var angle = style.Angle + v.AngleJitter * 4;
                var cx = (float)(Math.Cos(angle) / size);
                var cy = (float)(Math.Sin(angle) / size);
                for (var y = 0; y < size; y++)
                {
                    for (var x = 0; x < size; x++)
                    {
                        shade[y * size + x] = 0.5f + 0.8f * (cx * (x - size / 2f) + cy * (y - size / 2f));
                    }
                }
                ValueNoise.Add(shade, size, 6, 0.15f, grain);
                break;
            }
            default:
                shade.Fill(0.5f);
                ValueNoise.Add(shade, size, 4, 0.6f, grain);
                ValueNoise.Add(shade, size, 24, 0.2f, grain);
                break;
        }
    }
}
