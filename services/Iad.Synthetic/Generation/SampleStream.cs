namespace Iad.Synthetic.Generation;

/// <summary>Which split a sample belongs to; each has its own seed stream, so changing one count never changes another split's images.</summary>
public enum SampleStream
{
    TrainGood = 0,
    TestGood = 1,
    TestDefective = 2,
}
