using Iad.Imaging.Perturbations.Transforms;
using Iad.Imaging.Randomness;

namespace Iad.Imaging.Perturbations;

/// <summary>
/// Data drift of Beyond Table 10 (SPEC §3 item 7): 1–2 transforms from different categories (camera / lighting / position),
/// every parameter drawn uniformly from its range from this seed.
/// </summary>
/// <remarks>
/// Draw order from <see cref="SeededRandom"/>(seed): the count (1 or 2, equally likely), the categories (a uniformly random
/// subset of that size), then per category, in <see cref="DriftCategory"/> order, the kind (each of the category's kinds
/// equally likely) and its parameters. The plan lists transforms in <see cref="DriftCategory"/> order: position, then
/// lighting, then camera, as a part is placed, lit and then photographed. Ranges are in <see cref="DriftRanges"/>; random
/// positions (crop offsets, shadow polygons, perspective corners, the noise field's seed) are parameters of the recipe.
/// </remarks>
public static class DriftPlanner
{
    public static IReadOnlyList<Perturbation> Draw(int seed)
    {
        var random = new SeededRandom(seed);
        var count = 1 + random.NextInt(2);
        Span<DriftCategory> categories = [DriftCategory.Position, DriftCategory.Lighting, DriftCategory.Camera];
        // Partial Fisher–Yates: the first `count` entries are a uniform random subset.
        for (var i = 0; i < count; i++)
        {
            var j = random.NextInt(i, categories.Length);
            (categories[i], categories[j]) = (categories[j], categories[i]);
        }
        var chosen = categories[..count];
        chosen.Sort();
        var plan = new List<Perturbation>(count);
        foreach (var category in chosen) plan.Add(DrawFrom(category, random));
        return plan;
    }

    private static Perturbation DrawFrom(DriftCategory category, SeededRandom random) => category switch
    {
        DriftCategory.Position => random.NextInt(3) switch
        {
            0 => GeometricTransform.Rotation(random.Uniform(-DriftRanges.RotationMaxDegrees, DriftRanges.RotationMaxDegrees)),
            1 => GeometricTransform.RandomCrop(
                random.Uniform(DriftRanges.CropScaleMin, DriftRanges.CropScaleMax), random.NextDouble(), random.NextDouble()),
            _ => DrawPerspective(random, DriftRanges.PerspectiveDistortion),
        },
        DriftCategory.Lighting => random.NextInt(2) == 0
            ? ColorJitterTransform.Create(
                random.Uniform(DriftRanges.JitterMin, DriftRanges.JitterMax),
                random.Uniform(DriftRanges.JitterMin, DriftRanges.JitterMax),
                random.Uniform(DriftRanges.JitterMin, DriftRanges.JitterMax))
            : RandomShadowTransform.Draw(random, DriftRanges.ShadowLayers, DriftRanges.ShadowVertices, DriftRanges.ShadowBrightnessFactor),
        _ => random.NextInt(2) == 0
            ? GaussianBlurTransform.Create(DriftRanges.BlurKernelSize, random.Uniform(DriftRanges.BlurSigmaMin, DriftRanges.BlurSigmaMax))
            : GaussianNoiseTransform.Create(
                DriftRanges.NoiseMean, DriftRanges.NoiseStd,
                random.Uniform(DriftRanges.NoiseScaleMin, DriftRanges.NoiseScaleMax), random.NextSeedValue()),
    };

    internal static Perturbation DrawPerspective(SeededRandom random, double distortion)
    {
        Span<double> corners = stackalloc double[GeometricTransform.CornerNames.Length];
        for (var i = 0; i < corners.Length; i++) corners[i] = random.NextDouble();
        return GeometricTransform.Perspective(distortion, corners);
    }
}
