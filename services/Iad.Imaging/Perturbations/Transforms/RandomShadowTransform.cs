using Iad.Imaging.Images;
using Iad.Imaging.Randomness;
using OpenCvSharp;

namespace Iad.Imaging.Perturbations.Transforms;

/// <summary>
/// Cast shadows from <c>layers</c> (L) polygons of <c>vertices</c> corners each, vertex j of layer i at
/// (<c>l{i}_x{j}</c> · (W − 1), <c>l{i}_y{j}</c> · (H − 1)). With k(p) the number of polygons covering pixel p and
/// f = <c>brightness_factor</c>: <c>x'(p) = round(x(p) · (1 − (1 − f) · k(p) / L))</c>, so each layer darkens by (1 − f)/L
/// and a pixel under all L layers reaches f times its brightness (black for f = 0).
/// </summary>
public static class RandomShadowTransform
{
    /// <summary>Fixed-point bits for sub-pixel polygon vertices.</summary>
    private const int Shift = 8;

    /// <summary>
    /// Draws <paramref name="layers"/> polygons with vertices uniform in the unit square, each ordered by angle
    /// around its centroid so the outline does not cross itself.
    /// </summary>
    public static Perturbation Draw(SeededRandom random, int layers, int vertices, double brightnessFactor)
    {
        var parameters = new List<(string, double)>
        {
            ("layers", layers), ("vertices", vertices), ("brightness_factor", brightnessFactor),
        };
        var xs = new double[vertices];
        var ys = new double[vertices];
        var angles = new double[vertices];
        for (var i = 0; i < layers; i++)
        {
            for (var j = 0; j < vertices; j++)
            {
                xs[j] = random.NextDouble();
                ys[j] = random.NextDouble();
            }
            var cx = xs.Average();
            var cy = ys.Average();
            for (var j = 0; j < vertices; j++) angles[j] = Math.Atan2(ys[j] - cy, xs[j] - cx);
            var order = Enumerable.Range(0, vertices).OrderBy(j => angles[j]).ToArray();
            for (var j = 0; j < vertices; j++)
            {
                parameters.Add(($"l{i}_x{j}", xs[order[j]]));
                parameters.Add(($"l{i}_y{j}", ys[order[j]]));
            }
        }
        return Perturbation.Create(PerturbationKinds.RandomShadow, [.. parameters]);
    }

    internal static RgbImage Apply(RgbImage image, Perturbation p)
    {
        var layers = (int)p.Get("layers");
        var vertices = (int)p.Get("vertices");
        var factor = p.Get("brightness_factor");
        if (layers < 1 || vertices < 3) throw new ArgumentException($"random_shadow needs layers ≥ 1 and vertices ≥ 3, got {layers} and {vertices}.");
        using var coverage = new Mat(image.Height, image.Width, MatType.CV_8UC1, Scalar.All(0));
        using var layer = new Mat(image.Height, image.Width, MatType.CV_8UC1);
        var polygon = new Point[vertices];
        for (var i = 0; i < layers; i++)
        {
            for (var j = 0; j < vertices; j++)
            {
                polygon[j] = new Point(
                    (int)Math.Round(p.Get($"l{i}_x{j}") * (image.Width - 1) * (1 << Shift)),
                    (int)Math.Round(p.Get($"l{i}_y{j}") * (image.Height - 1) * (1 << Shift)));
            }
            layer.SetTo(Scalar.All(0));
            Cv2.FillPoly(layer, [polygon], Scalar.All(1), LineTypes.Link8, Shift);
            Cv2.Add(coverage, layer, coverage);
        }
        Span<float> multiplier = stackalloc float[layers + 1];
        for (var k = 0; k <= layers; k++) multiplier[k] = (float)(1 - (1 - factor) * k / layers);
        var counts = new byte[image.Width * image.Height];
        using (var view = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC1, counts))
        {
            coverage.CopyTo(view);
        }
        var source = image.Pixels;
        var result = new RgbImage(image.Width, image.Height);
        var destination = result.Pixels;
        for (int i = 0, j = 0; i < counts.Length; i++, j += 3)
        {
            var m = multiplier[counts[i]];
            destination[j] = Scale(source[j], m);
            destination[j + 1] = Scale(source[j + 1], m);
            destination[j + 2] = Scale(source[j + 2], m);
        }
        return result;
    }

    private static byte Scale(byte value, float multiplier) =>
        (byte)Math.Clamp(MathF.Round(value * multiplier, MidpointRounding.AwayFromZero), 0f, 255f);
}
