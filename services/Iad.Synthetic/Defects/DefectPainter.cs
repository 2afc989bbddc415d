using Iad.Imaging.Images;
using Iad.Imaging.Randomness;
using Iad.Synthetic.Categories;
using Iad.Synthetic.Rendering;
using OpenCvSharp;

namespace Iad.Synthetic.Defects;

/// <summary>
/// Paints one defect onto a rendered image and returns its exact mask: the set of pixels whose value changed.
/// Difficulty d ∈ [0, 1] sets the intensity change <c>Δ = (0.40 − 0.30 d) · 255</c> (±20 % per defect) and the size
/// scale <c>1.5 − 0.9 d</c>. Defects are placed anywhere on textures (10 % margin) and on the part for objects.
/// </summary>
public static class DefectPainter
{
    private const int MaxAttempts = 8;

    /// <summary>Paints <paramref name="defectType"/>; <paramref name="background"/> renders the object-free scene (used by missing parts).</summary>
    /// <exception cref="ArgumentException">Unknown defect type, or a missing part on a texture.</exception>
    /// <exception cref="InvalidOperationException">No attempt changed any pixel (only possible for degenerate styles).</exception>
    public static (RgbImage Image, BinaryMask Mask) Paint(
        RenderedScene scene, Func<RgbImage> background, string defectType, double difficulty, SeededRandom random)
    {
        if (defectType == DefectTypes.MissingPart && scene.Radius <= 0)
        {
            throw new ArgumentException("A missing part needs an object category.", nameof(defectType));
        }
        var clean = scene.Image;
        var size = clean.Width;
        var region = new byte[size * size];
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            Array.Clear(region);
            var contrast = (float)((0.40 - 0.30 * difficulty) * 255 * random.Uniform(0.8, 1.2));
            var scale = 1.5 - 0.9 * difficulty;
            var (cx, cy) = Location(scene, random);
            using (var canvas = Mat.FromPixelData(size, size, MatType.CV_8UC1, region))
            {
                DrawRegion(canvas, defectType, scene, cx, cy, scale, random);
            }
            var painted = clean.Clone();
            switch (defectType)
            {
                case DefectTypes.Scratch:
                case DefectTypes.Spot:
                    Offset(painted.Pixels, region, random.NextInt(2) == 0 ? contrast : -contrast);
                    break;
                case DefectTypes.Crack:
                    Offset(painted.Pixels, region, -1.2f * contrast);
                    break;
                case DefectTypes.Contamination:
                    Blend(painted.Pixels, region, ForeignColor(random), Math.Clamp(contrast / 110f, 0.25f, 0.9f));
                    break;
                case DefectTypes.MissingPart:
                    CopyWhere(painted.Pixels, background().Pixels, region);
                    break;
                default:
                    throw new ArgumentException($"Unknown defect type '{defectType}'.", nameof(defectType));
            }
            var mask = ChangedPixels(clean.Pixels, painted.Pixels, size);
            if (mask.CountAnomalous() > 0) return (painted, mask);
        }
        throw new InvalidOperationException($"No {defectType} changed any pixel in {MaxAttempts} attempts.");
    }

    private static (double X, double Y) Location(RenderedScene scene, SeededRandom random)
    {
        var size = scene.Image.Width;
        if (scene.Radius <= 0) return (random.Uniform(0.1, 0.9) * size, random.Uniform(0.1, 0.9) * size);
        var angle = random.Uniform(0, 2 * Math.PI);
        var distance = random.Uniform(0, 0.6) * scene.Radius;
        return (scene.CenterX + distance * Math.Cos(angle), scene.CenterY + distance * Math.Sin(angle));
    }

    private static void DrawRegion(Mat canvas, string type, RenderedScene scene, double cx, double cy, double scale, SeededRandom random)
    {
        var size = canvas.Width;
        var unit = size / 256.0;
        switch (type)
        {
            case DefectTypes.Scratch:
            {
                // Quadratic Bézier through a bent control point.
                var length = size * random.Uniform(0.15, 0.3) * scale;
                var angle = random.Uniform(0, Math.PI);
                double dx = Math.Cos(angle) * length / 2, dy = Math.Sin(angle) * length / 2;
                var bend = random.Uniform(-0.3, 0.3) * length;
                Point2d p0 = new(cx - dx, cy - dy), p2 = new(cx + dx, cy + dy), p1 = new(cx - dy / length * 2 * bend, cy + dx / length * 2 * bend);
                var points = new Point[25];
                for (var i = 0; i < points.Length; i++)
                {
                    var t = i / (double)(points.Length - 1);
                    var a = (1 - t) * (1 - t);
                    var b = 2 * (1 - t) * t;
                    var c = t * t;
                    points[i] = new Point((int)Math.Round(a * p0.X + b * p1.X + c * p2.X), (int)Math.Round(a * p0.Y + b * p1.Y + c * p2.Y));
                }
                var thickness = Math.Max(1, (int)Math.Round(unit * random.Uniform(1, 2.5) * scale));
                Cv2.Polylines(canvas, [points], false, Scalar.All(1), thickness, LineTypes.Link8);
                break;
            }
            case DefectTypes.Crack:
            {
                var steps = random.NextInt(12, 22);
                var step = size * 0.015 * scale;
                var direction = random.Uniform(0, 2 * Math.PI);
                var points = new Point[steps + 1];
                double x = cx, y = cy;
                points[0] = new Point((int)Math.Round(x), (int)Math.Round(y));
                for (var i = 1; i <= steps; i++)
                {
                    direction += 0.5 * random.NextGaussian();
                    x += step * Math.Cos(direction);
                    y += step * Math.Sin(direction);
                    points[i] = new Point((int)Math.Round(x), (int)Math.Round(y));
                }
                Cv2.Polylines(canvas, [points], false, Scalar.All(1), Math.Max(1, (int)Math.Round(unit * 1.2)), LineTypes.Link8);
                break;
            }
            case DefectTypes.MissingPart:
            {
                var start = random.Uniform(0, 360);
                var span = Math.Min(100, random.Uniform(35, 70) * scale);
                var reach = (int)Math.Ceiling(scene.Radius * 1.3);
                Cv2.Ellipse(canvas, new Point((int)Math.Round(scene.CenterX), (int)Math.Round(scene.CenterY)), new Size(reach, reach),
                    0, start, start + span, Scalar.All(1), -1, LineTypes.Link8);
                break;
            }
            default:
            {
                // Spot and contamination: an irregular blob, 16 vertices at jittered radii.
                var radius = size * (type == DefectTypes.Spot ? random.Uniform(0.025, 0.05) : random.Uniform(0.03, 0.06)) * scale;
                var outline = new Point[16];
                for (var i = 0; i < outline.Length; i++)
                {
                    var angle = 2 * Math.PI * i / outline.Length;
                    var r = radius * random.Uniform(0.7, 1.3);
                    outline[i] = new Point((int)Math.Round(cx + r * Math.Cos(angle)), (int)Math.Round(cy + r * Math.Sin(angle)));
                }
                Cv2.FillPoly(canvas, [outline], Scalar.All(1), LineTypes.Link8);
                break;
            }
        }
    }

    private static float[] ForeignColor(SeededRandom random)
    {
        // A saturated hue: one channel high, one low, one anywhere.
        var high = random.NextInt(3);
        var low = (high + 1 + random.NextInt(2)) % 3;
        var color = new float[3];
        for (var c = 0; c < 3; c++) color[c] = c == high ? 230 : c == low ? 25 : (float)random.Uniform(25, 230);
        return color;
    }

    private static void Offset(byte[] pixels, byte[] region, float delta)
    {
        for (var i = 0; i < region.Length; i++)
        {
            if (region[i] == 0) continue;
            for (var c = 0; c < 3; c++) pixels[i * 3 + c] = (byte)Math.Clamp((int)MathF.Round(pixels[i * 3 + c] + delta), 0, 255);
        }
    }

    private static void Blend(byte[] pixels, byte[] region, float[] color, float alpha)
    {
        for (var i = 0; i < region.Length; i++)
        {
            if (region[i] == 0) continue;
            for (var c = 0; c < 3; c++)
            {
                var v = pixels[i * 3 + c];
                pixels[i * 3 + c] = (byte)Math.Clamp((int)MathF.Round(v + (color[c] - v) * alpha), 0, 255);
            }
        }
    }

    private static void CopyWhere(byte[] pixels, byte[] source, byte[] region)
    {
        for (var i = 0; i < region.Length; i++)
        {
            if (region[i] == 0) continue;
            pixels[i * 3] = source[i * 3];
            pixels[i * 3 + 1] = source[i * 3 + 1];
            pixels[i * 3 + 2] = source[i * 3 + 2];
        }
    }

    private static BinaryMask ChangedPixels(byte[] before, byte[] after, int size)
    {
        var mask = new BinaryMask(size, size);
        for (var i = 0; i < mask.Pixels.Length; i++)
        {
            var j = i * 3;
            if (before[j] != after[j] || before[j + 1] != after[j + 1] || before[j + 2] != after[j + 2]) mask.Pixels[i] = 1;
        }
        return mask;
    }
}
