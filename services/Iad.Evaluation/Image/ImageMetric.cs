namespace Iad.Evaluation.Image;

/// <summary>
/// Streaming form of an image-level metric: <see cref="Update(int, double)"/> collects (label, score) pairs,
/// <see cref="Compute"/> evaluates the metric over everything collected so far, <see cref="Reset"/> forgets it.
/// Labels are 0 (normal) or 1 (anomalous); a larger score means more anomalous. Memory is 12 bytes per entry.
/// </summary>
/// <typeparam name="TResult">What the metric returns.</typeparam>
public abstract class ImageMetric<TResult>
{
    private int[] _labels = new int[64];
    private double[] _scores = new double[64];

    /// <summary>Number of entries collected since the last reset.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one entry. Validation (label in {0, 1}, score not NaN) happens in <see cref="Compute"/>.</summary>
    public void Update(int label, double score)
    {
        if (Count == _labels.Length)
        {
            Array.Resize(ref _labels, Count * 2);
            Array.Resize(ref _scores, Count * 2);
        }
        _labels[Count] = label;
        _scores[Count] = score;
        Count++;
    }

    /// <summary>Adds a batch of entries; both spans must have the same length.</summary>
    public void Update(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
            throw new ArgumentException($"labels has {labels.Length} entries but scores has {scores.Length}.", nameof(scores));
        for (var i = 0; i < labels.Length; i++) Update(labels[i], scores[i]);
    }

    /// <summary>Evaluates the metric over all entries since the last reset.</summary>
    public TResult Compute() => Evaluate(_labels.AsSpan(0, Count), _scores.AsSpan(0, Count));

    /// <summary>Forgets all entries (keeps the buffers).</summary>
    public void Reset() => Count = 0;

    /// <summary>The metric's definition over arrays.</summary>
    protected abstract TResult Evaluate(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores);
}
