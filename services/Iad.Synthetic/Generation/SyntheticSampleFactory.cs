using Iad.Imaging.Randomness;
using Iad.Synthetic.Categories;
using Iad.Synthetic.Defects;
using Iad.Synthetic.Rendering;

namespace Iad.Synthetic.Generation;

/// <summary>
/// Creates any single image of a synthetic dataset directly from its coordinates (category, split, index …), so trees
/// can be written in any order and tests can re-create the defect-free rendering of a written defective image.
/// </summary>
/// <remarks>
/// Seeds: category c uses <c>Derive(Seed, c)</c>; its style draws from sub-stream 0, split s of the MVTec tree from
/// <c>1 + s</c>, multi-view samples from 10 (normal) and 11 (anomalous), subclass k's style from <c>100 + k</c> and its
/// splits from <c>200 + 4k + s</c>; image i is sub-stream i of its split (see <see cref="SeededRandom.Derive"/>).
/// </remarks>
public sealed class SyntheticSampleFactory
{
    /// <summary>Number of camera views in the multi-view tree.</summary>
    public const int ViewCount = 5;

    private readonly CategoryStyle[] styles;

    public SyntheticSampleFactory(SyntheticDatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        styles = new CategoryStyle[options.Categories];
        for (var c = 0; c < styles.Length; c++) styles[c] = CategoryStyle.Draw(c, new SeededRandom(SeededRandom.Derive(CategorySeed(c), 0)));
    }

    public SyntheticDatasetOptions Options { get; }

    public CategoryStyle Style(int category) => styles[category];

    /// <summary>The defect types of <paramref name="category"/>; defective image i gets type <c>i mod count</c>.</summary>
    public IReadOnlyList<string> DefectTypesOf(int category) => SyntheticCategories.DefectsOf(styles[category].Kind);

    /// <summary>Image <paramref name="index"/> of a split of the MVTec AD tree.</summary>
    public SyntheticSample Create(int category, SampleStream stream, int index)
    {
        var random = new SeededRandom(SeededRandom.Derive(SeededRandom.Derive(CategorySeed(category), 1 + (ulong)stream), (ulong)index));
        var defect = stream == SampleStream.TestDefective ? DefectTypeAt(category, index) : null;
        return Render(styles[category], SceneVariation.Draw(random), defect, random);
    }

    /// <summary>
    /// The five views (C1 … C5) of multi-view sample <paramref name="index"/>. For an anomalous sample the defect is
    /// visible in 1–3 randomly chosen views; the other views are normal images of the same part.
    /// </summary>
    public IReadOnlyList<SyntheticSample> CreateMultiView(int category, bool anomalous, int index)
    {
        var sampleSeed = SeededRandom.Derive(SeededRandom.Derive(CategorySeed(category), anomalous ? 11UL : 10UL), (ulong)index);
        var random = new SeededRandom(sampleSeed);
        var part = SceneVariation.Draw(random);
        Span<int> views = [0, 1, 2, 3, 4];
        var visible = anomalous ? 1 + random.NextInt(3) : 0;
        for (var i = 0; i < visible; i++)
        {
            var j = random.NextInt(i, views.Length);
            (views[i], views[j]) = (views[j], views[i]);
        }
        var defect = anomalous ? DefectTypeAt(category, index) : null;
        var samples = new SyntheticSample[ViewCount];
        for (var v = 0; v < ViewCount; v++)
        {
            var shows = views[..visible].Contains(v);
            samples[v] = Render(styles[category], part.ForView(v), shows ? defect : null, new SeededRandom(SeededRandom.Derive(sampleSeed, 100 + (ulong)v)));
        }
        return samples;
    }

    /// <summary>
    /// Image <paramref name="index"/> of a split of subclass <paramref name="subclass"/>. Test images (normal and defective)
    /// are lit differently from training images: brightness × [0.75, 0.88] or × [1.12, 1.25] and a light gradient of
    /// strength 0.25 from a direction fixed per subclass.
    /// </summary>
    public SyntheticSample CreateSubclass(int category, int subclass, SampleStream stream, int index)
    {
        var categorySeed = CategorySeed(category);
        var styleRandom = new SeededRandom(SeededRandom.Derive(categorySeed, 100 + (ulong)subclass));
        var style = styles[category].Subclass(styleRandom);
        var gain = styleRandom.NextInt(2) == 0 ? styleRandom.Uniform(0.75, 0.88) : styleRandom.Uniform(1.12, 1.25);
        var direction = styleRandom.Uniform(0, 2 * Math.PI);
        var random = new SeededRandom(SeededRandom.Derive(SeededRandom.Derive(categorySeed, 200 + 4 * (ulong)subclass + (ulong)stream), (ulong)index));
        var variation = SceneVariation.Draw(random);
        if (stream != SampleStream.TrainGood) variation = variation.Relit(gain, 0.25 * Math.Cos(direction), 0.25 * Math.Sin(direction));
        var defect = stream == SampleStream.TestDefective ? DefectTypeAt(category, index) : null;
        return Render(style, variation, defect, random);
    }

    private string DefectTypeAt(int category, int index)
    {
        var types = DefectTypesOf(category);
        return types[index % types.Count];
    }

    private SyntheticSample Render(CategoryStyle style, SceneVariation variation, string? defect, SeededRandom random)
    {
        var size = Options.ImageSize;
        var scene = SceneRenderer.Render(style, variation, size);
        if (defect is null) return new SyntheticSample(scene.Image, scene.Image, null, null);
        var (image, mask) = DefectPainter.Paint(
            scene, () => SceneRenderer.Render(style, variation, size, includeObject: false).Image, defect, Options.Difficulty, random);
        return new SyntheticSample(image, scene.Image, mask, defect);
    }

    private ulong CategorySeed(int category)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(category);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(category, Options.Categories);
        return SeededRandom.Derive(unchecked((ulong)(long)Options.Seed), (ulong)category);
    }
}
