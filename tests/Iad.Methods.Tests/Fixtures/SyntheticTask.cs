using Iad.Imaging.Tensors;
using Iad.Methods;
using Iad.Synthetic;
using Iad.Synthetic.Generation;

namespace Iad.Methods.Tests.Fixtures;

/// <summary>One synthetic category rendered in memory as CHW float tensors in [0, 1], with test labels and masks.</summary>
public sealed class SyntheticTask
{
    public const int Size = 128;

    private SyntheticTask(int category, float[] train, int trainCount, float[] test, int[] labels, byte[][] masks)
    {
        Category = category;
        Train = train;
        TrainCount = trainCount;
        Test = test;
        Labels = labels;
        Masks = masks;
    }

    public int Category { get; }

    public float[] Train { get; }

    public int TrainCount { get; }

    /// <summary>Test images, normal first then defective.</summary>
    public float[] Test { get; }

    public int[] Labels { get; }

    /// <summary>One mask per test image (all zero for normal images).</summary>
    public byte[][] Masks { get; }

    public int TestCount => Labels.Length;

    public static int ImageLength => 3 * Size * Size;

    public static SyntheticTask Create(int category, int train = 24, int testGood = 12, int testDefective = 12, double difficulty = 0.3, int seed = 7)
    {
        var factory = new SyntheticSampleFactory(new SyntheticDatasetOptions(
            Categories: category + 1, Seed: seed, TrainGood: train, TestGood: testGood, TestDefective: testDefective, ImageSize: Size, Difficulty: difficulty));
        var trainImages = new float[train * ImageLength];
        for (var i = 0; i < train; i++) ChwTensor.Write(factory.Create(category, SampleStream.TrainGood, i).Image, trainImages.AsSpan(i * ImageLength, ImageLength));
        var count = testGood + testDefective;
        var test = new float[count * ImageLength];
        var labels = new int[count];
        var masks = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var defective = i >= testGood;
            var sample = defective
                ? factory.Create(category, SampleStream.TestDefective, i - testGood)
                : factory.Create(category, SampleStream.TestGood, i);
            ChwTensor.Write(sample.Image, test.AsSpan(i * ImageLength, ImageLength));
            labels[i] = defective ? 1 : 0;
            masks[i] = sample.Mask?.Pixels ?? new byte[Size * Size];
        }
        return new SyntheticTask(category, trainImages, train, test, labels, masks);
    }

    /// <summary>The first <paramref name="limit"/> training images as batches of <paramref name="batchSize"/>, produced lazily (a reused buffer, as a stream would).</summary>
    public IEnumerable<ImageBatch> TrainBatches(int batchSize = 8, int limit = int.MaxValue)
    {
        var buffer = new float[batchSize * ImageLength];
        var total = Math.Min(limit, TrainCount);
        for (var start = 0; start < total; start += batchSize)
        {
            var count = Math.Min(batchSize, total - start);
            Train.AsSpan(start * ImageLength, count * ImageLength).CopyTo(buffer);
            yield return new ImageBatch(buffer.AsMemory(0, count * ImageLength), count);
        }
    }

    public static FitOptions Options(int seed = 0) => new() { InputHeight = Size, InputWidth = Size, Seed = seed };
}
