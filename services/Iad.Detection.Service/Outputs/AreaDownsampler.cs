using System.Buffers;

namespace Iad.Detection.Service.Outputs;

/// <summary>
/// Downsamples a row-major map by area averaging (OpenCV's INTER_AREA for shrinking): output pixel (y, x) of an
/// H'×W' result is the mean of the source over the rectangle [y·H/H', (y+1)·H/H') × [x·W/W', (x+1)·W/W'], source
/// pixels weighted by their fractional overlap. Separable: rows first, then columns.
/// </summary>
public static class AreaDownsampler
{
    /// <summary>Writes the <paramref name="outHeight"/>×<paramref name="outWidth"/> average of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">An output side is not in 1..its source side, or a buffer length is wrong.</exception>
    public static void Downsample(ReadOnlySpan<float> source, int height, int width, Span<float> destination, int outHeight, int outWidth)
    {
        if (outHeight < 1 || outHeight > height || outWidth < 1 || outWidth > width)
            throw new ArgumentException($"Area averaging shrinks {height}x{width} to 1..{height} x 1..{width}; {outHeight}x{outWidth} was asked.");
        if (source.Length != height * width) throw new ArgumentException($"Source holds {source.Length} values; {height}x{width} needs {height * width}.", nameof(source));
        if (destination.Length != outHeight * outWidth)
            throw new ArgumentException($"Destination holds {destination.Length} values; {outHeight}x{outWidth} needs {outHeight * outWidth}.", nameof(destination));
        var rented = ArrayPool<float>.Shared.Rent(height * outWidth);
        try
        {
            var columns = rented.AsSpan(0, height * outWidth);
            var horizontal = Weights(width, outWidth);
            for (var y = 0; y < height; y++)
                Apply(horizontal, source.Slice(y * width, width), 1, columns.Slice(y * outWidth, outWidth), 1);
            var vertical = Weights(height, outHeight);
            for (var x = 0; x < outWidth; x++)
                Apply(vertical, columns[x..], outWidth, destination[x..], outWidth);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private readonly record struct Span1D(int First, float[] Weights);

    /// <summary>For each output index, the first source index and the overlap weights (already divided by the box width).</summary>
    private static Span1D[] Weights(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var result = new Span1D[outSize];
        for (var o = 0; o < outSize; o++)
        {
            var start = o * scale;
            var end = (o + 1) * scale;
            var first = (int)Math.Floor(start);
            var last = Math.Min(inSize - 1, (int)Math.Ceiling(end) - 1);
            var weights = new float[last - first + 1];
            for (var i = first; i <= last; i++)
                weights[i - first] = (float)((Math.Min(end, i + 1) - Math.Max(start, i)) / scale);
            result[o] = new Span1D(first, weights);
        }
        return result;
    }

    private static void Apply(Span1D[] weights, ReadOnlySpan<float> input, int inStride, Span<float> output, int outStride)
    {
        for (var o = 0; o < weights.Length; o++)
        {
            var (first, w) = (weights[o].First, weights[o].Weights);
            var sum = 0f;
            for (var k = 0; k < w.Length; k++) sum += w[k] * input[(first + k) * inStride];
            output[o * outStride] = sum;
        }
    }
}
