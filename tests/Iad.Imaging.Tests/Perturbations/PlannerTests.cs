using Iad.Imaging.Perturbations;

namespace Iad.Imaging.Tests.Perturbations;

public class PlannerTests
{
    [Fact]
    public void DriftPlansHoldOneOrTwoTransformsFromDistinctCategoriesWithinRange()
    {
        var kindsSeen = new HashSet<string>();
        var counts = new int[3];
        for (var seed = 0; seed < 1000; seed++)
        {
            var plan = DriftPlanner.Draw(seed);
            Assert.InRange(plan.Count, 1, 2);
            counts[plan.Count]++;
            var categories = plan.Select(p => DriftRanges.CategoryOf(p.Kind)).ToList();
            Assert.Equal(categories.Distinct().Count(), categories.Count);
            Assert.Equal(categories.Order().ToList(), categories);
            foreach (var p in plan)
            {
                kindsSeen.Add(p.Kind);
                AssertWithinDriftRanges(p);
            }
        }
        Assert.Equal(7, kindsSeen.Count);
        Assert.InRange(counts[1], 400, 600);
    }

    private static void AssertWithinDriftRanges(Perturbation p)
    {
        switch (p.Kind)
        {
            case PerturbationKinds.GaussianBlur:
                Assert.Equal(DriftRanges.BlurKernelSize, p.Get("kernel_size"));
                Assert.InRange(p.Get("sigma"), DriftRanges.BlurSigmaMin, DriftRanges.BlurSigmaMax);
                break;
            case PerturbationKinds.GaussianNoise:
                Assert.Equal(0.5, p.Get("mean"));
                Assert.Equal(1.0, p.Get("std"));
                Assert.InRange(p.Get("scale"), 0.01, 0.05);
                Assert.Equal(Math.Floor(p.Get("noise_seed")), p.Get("noise_seed"));
                break;
            case PerturbationKinds.ColorJitter:
                foreach (var key in new[] { "brightness", "contrast", "saturation" }) Assert.InRange(p.Get(key), 0.5, 1.5);
                break;
            case PerturbationKinds.RandomShadow:
                Assert.Equal(3, p.Get("layers"));
                Assert.Equal(0, p.Get("brightness_factor"));
                Assert.Equal(3 + 3 * 4 * 2, p.Parameters.Count);
                foreach (var (key, value) in p.Parameters.Where(kv => kv.Key.Length > 1 && kv.Key[0] == 'l' && char.IsDigit(kv.Key[1]))) Assert.InRange(value, 0, 1);
                break;
            case PerturbationKinds.Rotation:
                Assert.InRange(p.Get("angle_degrees"), -5, 5);
                break;
            case PerturbationKinds.RandomCrop:
                Assert.InRange(p.Get("scale"), 0.8, 1.0);
                Assert.InRange(p.Get("offset_x"), 0, 1);
                Assert.InRange(p.Get("offset_y"), 0, 1);
                break;
            case PerturbationKinds.Perspective:
                Assert.Equal(0.2, p.Get("distortion"));
                Assert.Equal(9, p.Parameters.Count);
                break;
            default:
                Assert.Fail($"unexpected drift kind {p.Kind}");
                break;
        }
    }

    [Fact]
    public void SameSeedGivesEqualPlansAndOtherSeedsDiffer()
    {
        Assert.Equal(DriftPlanner.Draw(42), DriftPlanner.Draw(42));
        Assert.NotEqual(DriftPlanner.Draw(42).Select(p => p.ToString()), DriftPlanner.Draw(43).Select(p => p.ToString()));
        var options = new AugmentationOptions(Flip: true, Scale: true, Translate: true, ColorJitter: true, Perspective: true);
        Assert.Equal(AugmentationPlanner.Draw(options, 7), AugmentationPlanner.Draw(options, 7));
        Assert.NotEqual(AugmentationPlanner.Draw(options, 7).Select(p => p.ToString()), AugmentationPlanner.Draw(options, 8).Select(p => p.ToString()));
    }

    [Fact]
    public void AugmentationListsEnabledTransformsInOrderWithinRanges()
    {
        var options = new AugmentationOptions(Flip: true, Scale: true, Translate: true, ColorJitter: true, Perspective: true, MaxRotationDegrees: 10);
        for (var seed = 0; seed < 200; seed++)
        {
            var plan = AugmentationPlanner.Draw(options, seed);
            Assert.Equal(
                [PerturbationKinds.Rotation, PerturbationKinds.Flip, PerturbationKinds.Scale, PerturbationKinds.Translate, PerturbationKinds.ColorJitter, PerturbationKinds.Perspective],
                plan.Select(p => p.Kind));
            Assert.InRange(plan[0].Get("angle_degrees"), -10, 10);
            Assert.Contains(plan[1].Get("axis"), new[] { 0.0, 1.0 });
            Assert.InRange(plan[2].Get("factor"), 0.9, 1.1);
            Assert.InRange(plan[3].Get("dx"), -0.1, 0.1);
            Assert.InRange(plan[4].Get("contrast"), 0.8, 1.2);
        }
        Assert.Equal([PerturbationKinds.Rotation], AugmentationPlanner.Draw(new AugmentationOptions(), 1).Select(p => p.Kind));
        Assert.Empty(AugmentationPlanner.Draw(new AugmentationOptions(Rotation: false), 1));
    }

    [Fact]
    public void InvalidAugmentationRangesAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentationPlanner.Draw(new AugmentationOptions(MaxScaleChange: 1.5), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentationPlanner.Draw(new AugmentationOptions(MaxRotationDegrees: -1), 0));
    }

    [Fact]
    public void CanonicalTextSortsKeysAndUsesInvariantRoundTripNumbers()
    {
        var p = new Perturbation("color_jitter", new Dictionary<string, double> { ["saturation"] = 1.25, ["brightness"] = 0.1 + 0.2, ["contrast"] = 1 });
        Assert.Equal("color_jitter(brightness=0.30000000000000004,contrast=1,saturation=1.25)", p.ToString());
        var reordered = new Perturbation("color_jitter", new Dictionary<string, double> { ["contrast"] = 1, ["brightness"] = 0.1 + 0.2, ["saturation"] = 1.25 });
        Assert.Equal(p, reordered);
        Assert.Equal(p.GetHashCode(), reordered.GetHashCode());
        Assert.NotEqual(p, reordered with { Kind = "other" });
        Assert.Throws<ArgumentException>(() => p.Get("hue"));
    }
}
