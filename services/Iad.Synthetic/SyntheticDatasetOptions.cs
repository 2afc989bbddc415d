namespace Iad.Synthetic;

/// <summary>
/// What the synthetic generator produces. Counts are per category (and per subclass in the subclass tree); with
/// <see cref="Views"/> = 5 they count multi-view samples in the Real-IAD tree (five images each).
/// </summary>
/// <param name="Categories">Number of categories, taken in order from <see cref="Categories.SyntheticCategories.Name"/>.</param>
/// <param name="Seed">Every pixel and file is a function of the options; equal options give byte-identical trees.</param>
/// <param name="TrainGood">Normal training images per category.</param>
/// <param name="TestGood">Normal test images per category.</param>
/// <param name="TestDefective">Anomalous test images per category, spread evenly over the category's defect types.</param>
/// <param name="ImageSize">Side of the square images in pixels.</param>
/// <param name="Views">1 = MVTec AD tree only; 5 = also a Real-IAD multi-view tree.</param>
/// <param name="Subclasses">0 = none; K &gt; 0 = also a Texture-AD tree with K subclasses per category whose test images are lit differently.</param>
/// <param name="Difficulty">0 = large, high-contrast defects … 1 = small, faint defects.</param>
public sealed record SyntheticDatasetOptions(
    int Categories = 4,
    int Seed = 0,
    int TrainGood = 60,
    int TestGood = 20,
    int TestDefective = 20,
    int ImageSize = 256,
    int Views = 1,
    int Subclasses = 0,
    double Difficulty = 0.5)
{
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its documented range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Categories);
        ArgumentOutOfRangeException.ThrowIfNegative(TrainGood);
        ArgumentOutOfRangeException.ThrowIfNegative(TestGood);
        ArgumentOutOfRangeException.ThrowIfNegative(TestDefective);
        if (ImageSize is < 32 or > 4096) throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, "Image size must be in 32..4096.");
        if (Views is not (1 or 5)) throw new ArgumentOutOfRangeException(nameof(Views), Views, "Views must be 1 or 5.");
        if (Subclasses is < 0 or > 99) throw new ArgumentOutOfRangeException(nameof(Subclasses), Subclasses, "Subclasses must be in 0..99.");
        if (!(Difficulty >= 0 && Difficulty <= 1)) throw new ArgumentOutOfRangeException(nameof(Difficulty), Difficulty, "Difficulty must be in [0, 1].");
    }
}
