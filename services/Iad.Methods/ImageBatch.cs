namespace Iad.Methods;

/// <summary>
/// A batch of images streamed into a fit: <see cref="Count"/> images as float32 [N, 3, H, W], RGB in [0, 1], row-major.
/// The producer may reuse the buffer for its next batch once the consumer has moved on (fits copy what they keep).
/// </summary>
/// <param name="Pixels">N · 3 · H · W floats.</param>
/// <param name="Count">Number of images N (≥ 1).</param>
public readonly record struct ImageBatch(ReadOnlyMemory<float> Pixels, int Count)
{
    /// <summary>Checks that the batch holds <see cref="Count"/> images of <paramref name="height"/>×<paramref name="width"/>.</summary>
    /// <exception cref="ArgumentException">The count is below 1 or the length is not N · 3 · H · W.</exception>
    public void Validate(int height, int width)
    {
        if (Count < 1) throw new ArgumentException($"An image batch needs at least one image, got {Count}.");
        var expected = (long)Count * 3 * height * width;
        if (Pixels.Length != expected)
            throw new ArgumentException($"An image batch of {Count} images at 3x{height}x{width} needs {expected} floats, got {Pixels.Length}.");
    }
}
