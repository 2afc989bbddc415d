using Iad.Imaging.Images;
using OpenCvSharp;

namespace Iad.Imaging.Perturbations.Transforms;

/// <summary>
/// Rotation, random crop, perspective, flip, scale and translate as one 3×3 map from source to destination pixel
/// coordinates (pixel centres at integer positions). The image is resampled bilinearly, the mask by nearest
/// neighbour with the same map, so a defect's mask follows its pixels; uncovered areas become 0 in both.
/// </summary>
public static class GeometricTransform
{
    public static Perturbation Rotation(double angleDegrees) =>
        Perturbation.Create(PerturbationKinds.Rotation, ("angle_degrees", angleDegrees));

    public static Perturbation RandomCrop(double scale, double offsetX, double offsetY) =>
        Perturbation.Create(PerturbationKinds.RandomCrop, ("scale", scale), ("offset_x", offsetX), ("offset_y", offsetY));

    /// <param name="distortion">Largest inward corner move as a fraction of half the side.</param>
    /// <param name="corners">Displacement fractions in [0, 1]: tl_x, tl_y, tr_x, tr_y, br_x, br_y, bl_x, bl_y.</param>
    public static Perturbation Perspective(double distortion, ReadOnlySpan<double> corners)
    {
        if (corners.Length != CornerNames.Length) throw new ArgumentException($"Perspective needs {CornerNames.Length} corner values, got {corners.Length}.", nameof(corners));
        var parameters = new (string, double)[CornerNames.Length + 1];
        parameters[0] = ("distortion", distortion);
        for (var i = 0; i < CornerNames.Length; i++) parameters[i + 1] = (CornerNames[i], corners[i]);
        return Perturbation.Create(PerturbationKinds.Perspective, parameters);
    }

    public static Perturbation Flip(int axis) => Perturbation.Create(PerturbationKinds.Flip, ("axis", axis));

    public static Perturbation Scale(double factor) => Perturbation.Create(PerturbationKinds.Scale, ("factor", factor));

    public static Perturbation Translate(double dx, double dy) => Perturbation.Create(PerturbationKinds.Translate, ("dx", dx), ("dy", dy));

    /// <summary>Corner parameter names in the order of <see cref="Perspective"/>.</summary>
    public static readonly string[] CornerNames = ["tl_x", "tl_y", "tr_x", "tr_y", "br_x", "br_y", "bl_x", "bl_y"];

    internal static (RgbImage Image, BinaryMask? Mask) Apply(RgbImage image, BinaryMask? mask, Perturbation p)
    {
        using var map = SourceToDestination(p, image.Width, image.Height);
        var warped = new RgbImage(image.Width, image.Height);
        using (var source = MatViews.View(image))
        using (var destination = MatViews.View(warped))
        {
            Warp(source, destination, map, InterpolationFlags.Linear);
        }
        if (mask is null) return (warped, null);
        var warpedMask = new BinaryMask(mask.Width, mask.Height);
        using (var source = MatViews.View(mask))
        using (var destination = MatViews.View(warpedMask))
        {
            Warp(source, destination, map, InterpolationFlags.Nearest);
        }
        return (warped, warpedMask);
    }

    private static void Warp(Mat source, Mat destination, Mat map, InterpolationFlags interpolation)
    {
        var size = source.Size();
        var affine = map.At<double>(2, 0) == 0 && map.At<double>(2, 1) == 0 && map.At<double>(2, 2) == 1;
        if (affine)
        {
            using var rows = map.RowRange(0, 2);
            Cv2.WarpAffine(source, destination, rows, size, interpolation, BorderTypes.Constant, Scalar.All(0));
        }
        else
        {
            Cv2.WarpPerspective(source, destination, map, size, interpolation, BorderTypes.Constant, Scalar.All(0));
        }
    }

    private static Mat SourceToDestination(Perturbation p, int width, int height)
    {
        double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;
        switch (p.Kind)
        {
            case PerturbationKinds.Rotation:
            {
                // Positive angles turn counter-clockwise on screen (y points down), as OpenCV's getRotationMatrix2D.
                var radians = p.Get("angle_degrees") * Math.PI / 180.0;
                double cos = Math.Cos(radians), sin = Math.Sin(radians);
                return Affine(cos, sin, (1 - cos) * cx - sin * cy, -sin, cos, sin * cx + (1 - cos) * cy);
            }
            case PerturbationKinds.Scale:
            {
                var f = p.Get("factor");
                if (!(f > 0)) throw new ArgumentException($"scale factor must be positive, got {f}.");
                return Affine(f, 0, (1 - f) * cx, 0, f, (1 - f) * cy);
            }
            case PerturbationKinds.Translate:
                return Affine(1, 0, p.Get("dx") * width, 0, 1, p.Get("dy") * height);
            case PerturbationKinds.Flip:
                return p.Get("axis") switch
                {
                    0 => Affine(-1, 0, width - 1, 0, 1, 0),
                    1 => Affine(1, 0, 0, 0, -1, height - 1),
                    var axis => throw new ArgumentException($"flip axis must be 0 (left-right) or 1 (top-bottom), got {axis}."),
                };
            case PerturbationKinds.RandomCrop:
            {
                var scale = p.Get("scale");
                if (!(scale > 0 && scale <= 1)) throw new ArgumentException($"random_crop scale must be in (0, 1], got {scale}.");
                var side = Math.Sqrt(scale);
                double cropWidth = side * width, cropHeight = side * height;
                var x0 = p.Get("offset_x") * (width - cropWidth);
                var y0 = p.Get("offset_y") * (height - cropHeight);
                // Pixel-centre aligned resize of the crop [x0, x0 + cropWidth) back to [0, width).
                double ax = width / cropWidth, ay = height / cropHeight;
                return Affine(ax, 0, (0.5 - x0) * ax - 0.5, 0, ay, (0.5 - y0) * ay - 0.5);
            }
            case PerturbationKinds.Perspective:
            {
                var d = p.Get("distortion");
                double mx = d * (width / 2.0), my = d * (height / 2.0);
                double w = width - 1, h = height - 1;
                Point2f[] start = [new(0, 0), new((float)w, 0), new((float)w, (float)h), new(0, (float)h)];
                Point2f[] end =
                [
                    new((float)(p.Get("tl_x") * mx), (float)(p.Get("tl_y") * my)),
                    new((float)(w - p.Get("tr_x") * mx), (float)(p.Get("tr_y") * my)),
                    new((float)(w - p.Get("br_x") * mx), (float)(h - p.Get("br_y") * my)),
                    new((float)(p.Get("bl_x") * mx), (float)(h - p.Get("bl_y") * my)),
                ];
                return Cv2.GetPerspectiveTransform(start, end);
            }
            default:
                throw new ArgumentException($"'{p.Kind}' is not a geometric perturbation.");
        }
    }

    private static Mat Affine(double a, double b, double c, double d, double e, double f)
    {
        var m = new Mat(3, 3, MatType.CV_64FC1);
        m.Set(0, 0, a); m.Set(0, 1, b); m.Set(0, 2, c);
        m.Set(1, 0, d); m.Set(1, 1, e); m.Set(1, 2, f);
        m.Set(2, 0, 0.0); m.Set(2, 1, 0.0); m.Set(2, 2, 1.0);
        return m;
    }
}
