using Iad.Imaging.Perturbations.Transforms;
using Iad.Imaging.Randomness;

namespace Iad.Imaging.Perturbations;

/// <summary>Few-shot augmentation (SPEC §3 item 3): one copy's transforms drawn from this seed (see <see cref="AugmentationOptions"/>).</summary>
/// <remarks>Parameters are drawn from <see cref="SeededRandom"/>(seed) in the listed transform order; disabled transforms draw nothing.</remarks>
public static class AugmentationPlanner
{
    /// <exception cref="ArgumentOutOfRangeException">The options hold an invalid range.</exception>
    public static IReadOnlyList<Perturbation> Draw(AugmentationOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new SeededRandom(seed);
        var plan = new List<Perturbation>(6);
        if (options.Rotation)
        {
            plan.Add(GeometricTransform.Rotation(random.Uniform(-options.MaxRotationDegrees, options.MaxRotationDegrees)));
        }
        if (options.Flip) plan.Add(GeometricTransform.Flip(random.NextInt(2)));
        if (options.Scale)
        {
            plan.Add(GeometricTransform.Scale(random.Uniform(1 - options.MaxScaleChange, 1 + options.MaxScaleChange)));
        }
        if (options.Translate)
        {
            plan.Add(GeometricTransform.Translate(
                random.Uniform(-options.MaxTranslateFraction, options.MaxTranslateFraction),
                random.Uniform(-options.MaxTranslateFraction, options.MaxTranslateFraction)));
        }
        if (options.ColorJitter)
        {
            double low = 1 - options.ColorJitterStrength, high = 1 + options.ColorJitterStrength;
            plan.Add(ColorJitterTransform.Create(random.Uniform(low, high), random.Uniform(low, high), random.Uniform(low, high)));
        }
        if (options.Perspective) plan.Add(DriftPlanner.DrawPerspective(random, options.PerspectiveDistortion));
        return plan;
    }
}
