using Iad.Imaging.Images;
using Iad.Imaging.Randomness;

namespace Iad.Imaging.Perturbations.Transforms;

/// <summary>
/// Sensor noise. With samples x ∈ [0, 1] (byte / 255):
/// <c>x' = clamp(x + scale · n, 0, 1)</c>, <c>n ~ N(mean, std²)</c> drawn independently for every pixel and channel
/// from <see cref="SeededRandom"/>(<c>noise_seed</c>) in row-major, R-G-B order; stored as <c>round(255 · x')</c>.
/// With the drift defaults (mean 0.5, std 1.0) the noise also brightens by <c>0.5 · scale</c> on average, as specified.
/// </summary>
public static class GaussianNoiseTransform
{
    public static Perturbation Create(double mean, double std, double scale, double noiseSeed) =>
        Perturbation.Create(PerturbationKinds.GaussianNoise, ("mean", mean), ("std", std), ("scale", scale), ("noise_seed", noiseSeed));

    internal static RgbImage Apply(RgbImage image, Perturbation p)
    {
        var mean = p.Get("mean");
        var std = p.Get("std");
        var scale = p.Get("scale");
        var random = new SeededRandom((ulong)p.Get("noise_seed"));
        var source = image.Pixels;
        var result = new RgbImage(image.Width, image.Height);
        var destination = result.Pixels;
        // In byte units: x' = x + 255 · scale · n.
        var gain = 255.0 * scale;
        for (var i = 0; i < source.Length; i++)
        {
            var value = source[i] + gain * (mean + std * random.NextGaussian());
            destination[i] = (byte)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 0, 255);
        }
        return result;
    }
}
