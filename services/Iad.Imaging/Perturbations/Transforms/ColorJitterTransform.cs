using Iad.Imaging.Images;

namespace Iad.Imaging.Perturbations.Transforms;

/// <summary>
/// Lighting change, applied in a fixed order on samples in [0, 1] with luma <c>Y = 0.299 R + 0.587 G + 0.114 B</c>:
/// brightness <c>x₁ = clamp(b · x)</c>; contrast <c>x₂ = clamp(c · x₁ + (1 − c) · mean(Y(x₁)))</c> (mean over the image);
/// saturation <c>x₃ = clamp(s · x₂ + (1 − s) · Y(x₂))</c> per pixel; stored as <c>round(255 · x₃)</c>.
/// These are torchvision's ColorJitter blends without its random order.
/// </summary>
public static class ColorJitterTransform
{
    public static Perturbation Create(double brightness, double contrast, double saturation) =>
        Perturbation.Create(PerturbationKinds.ColorJitter, ("brightness", brightness), ("contrast", contrast), ("saturation", saturation));

    internal static RgbImage Apply(RgbImage image, Perturbation p)
    {
        var brightness = (float)p.Get("brightness");
        var contrast = (float)p.Get("contrast");
        var saturation = (float)p.Get("saturation");
        var source = image.Pixels;
        var pixels = source.Length / 3;
        var work = new float[source.Length];
        double lumaSum = 0;
        for (var i = 0; i < source.Length; i += 3)
        {
            var r = Math.Clamp(source[i] * (brightness / 255f), 0f, 1f);
            var g = Math.Clamp(source[i + 1] * (brightness / 255f), 0f, 1f);
            var b = Math.Clamp(source[i + 2] * (brightness / 255f), 0f, 1f);
            work[i] = r;
            work[i + 1] = g;
            work[i + 2] = b;
            lumaSum += Luma(r, g, b);
        }
        var offset = (1f - contrast) * (float)(lumaSum / pixels);
        var result = new RgbImage(image.Width, image.Height);
        var destination = result.Pixels;
        for (var i = 0; i < work.Length; i += 3)
        {
            var r = Math.Clamp(contrast * work[i] + offset, 0f, 1f);
            var g = Math.Clamp(contrast * work[i + 1] + offset, 0f, 1f);
            var b = Math.Clamp(contrast * work[i + 2] + offset, 0f, 1f);
            var grey = (1f - saturation) * Luma(r, g, b);
            destination[i] = ToByte(saturation * r + grey);
            destination[i + 1] = ToByte(saturation * g + grey);
            destination[i + 2] = ToByte(saturation * b + grey);
        }
        return result;
    }

    private static float Luma(float r, float g, float b) => 0.299f * r + 0.587f * g + 0.114f * b;

    private static byte ToByte(float x) => (byte)MathF.Round(Math.Clamp(x, 0f, 1f) * 255f, MidpointRounding.AwayFromZero);
}
