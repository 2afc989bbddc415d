using Iad.Imaging.Images;
using Iad.Imaging.Perturbations;
using Iad.Imaging.Perturbations.Transforms;
using Iad.Imaging.Tests.Support;

namespace Iad.Imaging.Tests.Perturbations;

public class ApplierTests
{
    private static BinaryMask SinglePixel(int width, int height, int x, int y)
    {
        var mask = new BinaryMask(width, height);
        mask.Pixels[y * width + x] = 1;
        return mask;
    }

    private static (int X, int Y) OnlyPixel(BinaryMask mask)
    {
        Assert.Equal(1, mask.CountAnomalous());
        var index = mask.Pixels.AsSpan().IndexOf((byte)1);
        return (index % mask.Width, index / mask.Width);
    }

    [Fact]
    public void RotationBy90DegreesMovesASinglePixelMask()
    {
        // Centre (4, 4); counter-clockwise on screen: (x, y) → (y, 8 - x).
        var (_, mask) = PerturbationApplier.Apply(TestImages.Pattern(9, 9), SinglePixel(9, 9, 6, 2), [GeometricTransform.Rotation(90)]);
        Assert.Equal((2, 2), OnlyPixel(mask!));
    }

    [Theory]
    [InlineData(0, 12, 3)]
    [InlineData(1, 2, 6)]
    public void FlipMirrorsTheMask(int axis, int expectedX, int expectedY)
    {
        var (_, mask) = PerturbationApplier.Apply(TestImages.Pattern(15, 10), SinglePixel(15, 10, 2, 3), [GeometricTransform.Flip(axis)]);
        Assert.Equal((expectedX, expectedY), OnlyPixel(mask!));
    }

    [Fact]
    public void TranslateShiftsImageAndMaskTogether()
    {
        var image = TestImages.Pattern(20, 20);
        var (moved, mask) = PerturbationApplier.Apply(image, SinglePixel(20, 20, 5, 5), [GeometricTransform.Translate(0.15, -0.1)]);
        Assert.Equal((8, 3), OnlyPixel(mask!));
        Assert.Equal(image.Pixels.AsSpan((5 * 20 + 5) * 3, 3).ToArray(), moved.Pixels.AsSpan((3 * 20 + 8) * 3, 3).ToArray());
    }

    [Theory]
    [InlineData("rotation")]
    [InlineData("perspective")]
    [InlineData("random_crop")]
    [InlineData("scale")]
    public void MaskFollowsABrightBlobUnderEveryWarp(string kind)
    {
        var image = TestImages.Uniform(64, 64, 20);
        var mask = new BinaryMask(64, 64);
        for (var y = 40; y < 46; y++)
        {
            for (var x = 12; x < 18; x++)
            {
                mask.Pixels[y * 64 + x] = 1;
                image.Pixels.AsSpan((y * 64 + x) * 3, 3).Fill(250);
            }
        }
        Perturbation p = kind switch
        {
            "rotation" => GeometricTransform.Rotation(25),
            "perspective" => GeometricTransform.Perspective(0.3, [1, 0.5, 0.2, 1, 0.7, 0.1, 0.9, 0.4]),
            "random_crop" => GeometricTransform.RandomCrop(0.6, 0.1, 0.8),
            _ => GeometricTransform.Scale(1.3),
        };
        var (warped, warpedMask) = PerturbationApplier.Apply(image, mask, [p]);
        var (mx, my) = Centroid(warpedMask!.Pixels, 64, v => v == 1);
        var (ix, iy) = Centroid(ExtractRed(warped), 64, v => v > 135);
        Assert.InRange(Math.Abs(mx - ix), 0, 1.0);
        Assert.InRange(Math.Abs(my - iy), 0, 1.0);
        Assert.True(Math.Abs(mx - 14.5) + Math.Abs(my - 42.5) > 1.5, $"blob did not move: ({mx}, {my})");
    }

    private static byte[] ExtractRed(RgbImage image)
    {
        var red = new byte[image.Width * image.Height];
        for (var i = 0; i < red.Length; i++) red[i] = image.Pixels[i * 3];
        return red;
    }

    private static (double X, double Y) Centroid(byte[] values, int width, Func<byte, bool> selected)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!selected(values[i])) continue;
            sx += i % width;
            sy += i / width;
            n++;
        }
        Assert.True(n > 0);
        return (sx / n, sy / n);
    }

    [Fact]
    public void SameSeedGivesIdenticalBytesAndOtherSeedsDiffer()
    {
        var image = TestImages.Pattern(48, 40);
        var mask = SinglePixel(48, 40, 20, 20);
        var differing = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var a = PerturbationApplier.Apply(image, mask, DriftPlanner.Draw(seed));
            var b = PerturbationApplier.Apply(image, mask, DriftPlanner.Draw(seed));
            var c = PerturbationApplier.Apply(image, mask, DriftPlanner.Draw(seed + 1000));
            Assert.Equal(a.Image.Pixels, b.Image.Pixels);
            Assert.Equal(a.Mask!.Pixels, b.Mask!.Pixels);
            if (!a.Image.Pixels.AsSpan().SequenceEqual(c.Image.Pixels)) differing++;
        }
        Assert.Equal(40, differing);
    }

    [Fact]
    public void PhotometricTransformsKeepTheMaskAndTheInput()
    {
        var image = TestImages.Pattern(32, 32);
        var original = (byte[])image.Pixels.Clone();
        var mask = SinglePixel(32, 32, 3, 3);
        Perturbation[] plan =
        [
            ColorJitterTransform.Create(1.2, 0.8, 1.3),
            GaussianBlurTransform.Create(7, 1.0),
            GaussianNoiseTransform.Create(0.5, 1.0, 0.03, 99),
            RandomShadowTransform.Draw(new Iad.Imaging.Randomness.SeededRandom(5), 3, 4, 0),
        ];
        var (result, resultMask) = PerturbationApplier.Apply(image, mask, plan);
        Assert.Same(mask, resultMask);
        Assert.Equal(original, image.Pixels);
        Assert.NotEqual(original, result.Pixels);
    }

    [Fact]
    public void NoiseFollowsItsFormulaOnAverage()
    {
        var image = TestImages.Uniform(128, 128, 128);
        var noisy = PerturbationApplier.Apply(image, null, [GaussianNoiseTransform.Create(0.5, 1.0, 0.04, 3)]).Image.Pixels;
        double sum = 0, squares = 0;
        foreach (var v in noisy)
        {
            sum += v;
            squares += v * (double)v;
        }
        var mean = sum / noisy.Length;
        var std = Math.Sqrt(squares / noisy.Length - mean * mean);
        Assert.InRange(mean, 128 + 255 * 0.04 * 0.5 - 0.3, 128 + 255 * 0.04 * 0.5 + 0.3);
        Assert.InRange(std, 255 * 0.04 * 0.95, 255 * 0.04 * 1.05);
    }

    [Fact]
    public void IdentityJitterLeavesPixelsUnchanged()
    {
        var image = TestImages.Pattern(20, 20);
        var result = PerturbationApplier.Apply(image, null, [ColorJitterTransform.Create(1, 1, 1)]).Image;
        Assert.Equal(image.Pixels, result.Pixels);
    }

    [Fact]
    public void ShadowDarkensByLayerCount()
    {
        // One full-frame quadrilateral per layer: every pixel under 3 of 3 layers with factor 0.5 keeps half its value.
        var parameters = new Dictionary<string, double> { ["layers"] = 3, ["vertices"] = 4, ["brightness_factor"] = 0.5 };
        double[] xs = [0, 1, 1, 0], ys = [0, 0, 1, 1];
        for (var l = 0; l < 3; l++)
        {
            for (var j = 0; j < 4; j++)
            {
                parameters[$"l{l}_x{j}"] = xs[j];
                parameters[$"l{l}_y{j}"] = ys[j];
            }
        }
        var result = PerturbationApplier.Apply(TestImages.Uniform(16, 16, 200), null, [new Perturbation(PerturbationKinds.RandomShadow, parameters)]).Image;
        Assert.All(result.Pixels, v => Assert.Equal(100, v));
    }

    [Fact]
    public void UnknownKindAndMismatchedMaskAreRejected()
    {
        var image = TestImages.Pattern(8, 8);
        Assert.Throws<ArgumentException>(() => PerturbationApplier.Apply(image, null, [new Perturbation("sepia", new Dictionary<string, double>())]));
        Assert.Throws<ArgumentException>(() => PerturbationApplier.Apply(image, new BinaryMask(4, 4), []));
        Assert.Throws<ArgumentException>(() => PerturbationApplier.Apply(image, null, [new Perturbation(PerturbationKinds.Rotation, new Dictionary<string, double>())]));
    }
}
