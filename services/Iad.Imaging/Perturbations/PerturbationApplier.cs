using Iad.Imaging.Images;
using Iad.Imaging.Perturbations.Transforms;

namespace Iad.Imaging.Perturbations;

/// <summary>Applies transforms in order; geometric ones move the mask with the image.</summary>
/// <remarks>
/// Inputs are never modified. Photometric transforms return the mask instance they received; geometric ones return a
/// new mask warped with the image's map. Output has the input's size.
/// </remarks>
public static class PerturbationApplier
{
    /// <exception cref="ArgumentException">Unknown kind, missing or invalid parameter, or a mask of another size than the image.</exception>
    public static (RgbImage Image, BinaryMask? Mask) Apply(RgbImage image, BinaryMask? mask, IReadOnlyList<Perturbation> perturbations)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(perturbations);
        if (mask is not null && (mask.Width != image.Width || mask.Height != image.Height))
        {
            throw new ArgumentException($"Mask is {mask.Width}x{mask.Height} but the image is {image.Width}x{image.Height}.", nameof(mask));
        }
        var current = (Image: image, Mask: mask);
        foreach (var p in perturbations)
        {
            current = p.Kind switch
            {
                PerturbationKinds.GaussianBlur => (GaussianBlurTransform.Apply(current.Image, p), current.Mask),
                PerturbationKinds.GaussianNoise => (GaussianNoiseTransform.Apply(current.Image, p), current.Mask),
                PerturbationKinds.ColorJitter => (ColorJitterTransform.Apply(current.Image, p), current.Mask),
                PerturbationKinds.RandomShadow => (RandomShadowTransform.Apply(current.Image, p), current.Mask),
                _ when PerturbationKinds.IsGeometric(p.Kind) => GeometricTransform.Apply(current.Image, current.Mask, p),
                _ => throw new ArgumentException($"Unknown perturbation kind '{p.Kind}'."),
            };
        }
        return current;
    }
}
