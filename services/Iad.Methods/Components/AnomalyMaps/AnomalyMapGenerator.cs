using Iad.Onnx.Graph;

namespace Iad.Methods.Components.AnomalyMaps;

/// <summary>
/// Patch-grid scores [h, w] → anomaly map [H, W], in C# and as ONNX nodes with the same arithmetic:
/// bilinear upsampling with half-pixel centres and edge clamping (PyTorch <c>interpolate(mode="bilinear",
/// align_corners=False)</c>, ONNX Resize <c>linear</c>/<c>half_pixel</c>), then a separable Gaussian blur
/// (<see cref="GaussianKernel"/>, σ = 4 by default) with <b>reflect</b> padding (mirror without repeating the edge
/// pixel, as kornia's default used by anomalib; ONNX Pad <c>reflect</c>): vertical pass, then horizontal pass.
/// Reflect padding needs H and W larger than K/2 (16 for σ = 4).
/// </summary>
public sealed class AnomalyMapGenerator
{
    /// <summary>σ of PatchCore's and PaDiM's map smoothing (anomalib).</summary>
    public const float DefaultSigma = 4f;

    private readonly float[] _kernel;

    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or the output is too small for the blur.</exception>
    public AnomalyMapGenerator(int gridHeight, int gridWidth, int height, int width, float sigma = DefaultSigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gridHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gridWidth);
        _kernel = GaussianKernel.Create(sigma);
        Radius = _kernel.Length / 2;
        if (height <= Radius || width <= Radius)
            throw new ArgumentOutOfRangeException(nameof(height), $"A {height}x{width} map is too small for reflect padding of {Radius} pixels (σ = {sigma}).");
        GridHeight = gridHeight;
        GridWidth = gridWidth;
        Height = height;
        Width = width;
        Sigma = sigma;
    }

    public int GridHeight { get; }

    public int GridWidth { get; }

    public int Height { get; }

    public int Width { get; }

    public float Sigma { get; }

    /// <summary>Blur radius K/2.</summary>
    public int Radius { get; }

    /// <summary>
    /// Writes the map of one image into <paramref name="map"/> (H·W). <paramref name="scratch"/> needs 2·H·W floats;
    /// callers reuse it across images.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer length does not match.</exception>
    public void Generate(ReadOnlySpan<float> grid, Span<float> map, Span<float> scratch)
    {
        var plane = Height * Width;
        if (grid.Length != GridHeight * GridWidth) throw new ArgumentException($"The grid holds {grid.Length} values; {GridHeight}x{GridWidth} needed.", nameof(grid));
        if (map.Length != plane) throw new ArgumentException($"The map holds {map.Length} values; {Height}x{Width} needed.", nameof(map));
        if (scratch.Length < 2 * plane) throw new ArgumentException($"Scratch holds {scratch.Length} floats; {2 * plane} needed.", nameof(scratch));
        var upsampled = scratch[..plane];
        var vertical = scratch.Slice(plane, plane);
        Upsample(grid, upsampled);
        var k = _kernel;
        for (var y = 0; y < Height; y++)
        {
            var row = vertical.Slice(y * Width, Width);
            row.Clear();
            for (var t = 0; t < k.Length; t++)
            {
                var source = upsampled.Slice(Reflect(y + t - Radius, Height) * Width, Width);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(source, k[t], row, row);
            }
        }
        for (var y = 0; y < Height; y++)
        {
            var source = vertical.Slice(y * Width, Width);
            var target = map.Slice(y * Width, Width);
            for (var x = 0; x < Width; x++)
            {
                var sum = 0f;
                for (var t = 0; t < k.Length; t++) sum += k[t] * source[Reflect(x + t - Radius, Width)];
                target[x] = sum;
            }
        }
    }

    /// <summary>
    /// Appends the same computation to a graph: <paramref name="grid"/> [N, 1, h, w] → [N, 1, H, W] named
    /// <paramref name="output"/>.
    /// </summary>
    public string AddTo(GraphBuilder b, string grid, string? output = null)
    {
        var sizes = b.Concat([b.Slice(b.Shape(grid), [0], [2], [0]), b.Int64Vector(Height, Width)], 0);
        var upsampled = b.ResizeTo(grid, sizes, "linear", "half_pixel");
        var r = Radius;
        var padded = b.Op("Pad", [upsampled, b.Int64Vector(0, 0, r, r, 0, 0, r, r)], null, Attr.String("mode", "reflect"));
        var vertical = b.Conv(padded, b.AddInitializer(b.UniqueName("blur_vertical"), _kernel, 1, 1, _kernel.Length, 1));
        return b.Conv(vertical, b.AddInitializer(b.UniqueName("blur_horizontal"), _kernel, 1, 1, 1, _kernel.Length), output: output);
    }

    private void Upsample(ReadOnlySpan<float> grid, Span<float> destination)
    {
        float scaleY = (float)GridHeight / Height, scaleX = (float)GridWidth / Width;
        for (var y = 0; y < Height; y++)
        {
            var (y0, y1, wy) = Source(y, scaleY, GridHeight);
            var row0 = grid.Slice(y0 * GridWidth, GridWidth);
            var row1 = grid.Slice(y1 * GridWidth, GridWidth);
            var target = destination.Slice(y * Width, Width);
            for (var x = 0; x < Width; x++)
            {
                var (x0, x1, wx) = Source(x, scaleX, GridWidth);
                var top = row0[x0] + wx * (row0[x1] - row0[x0]);
                var bottom = row1[x0] + wx * (row1[x1] - row1[x0]);
                target[x] = top + wy * (bottom - top);
            }
        }
    }

    // Half-pixel source coordinate, clamped to [0, n − 1].
    private static (int Low, int High, float Weight) Source(int index, float scale, int n)
    {
        var position = Math.Clamp((index + 0.5f) * scale - 0.5f, 0f, n - 1);
        var low = (int)position;
        return (low, Math.Min(low + 1, n - 1), position - low);
    }

    private static int Reflect(int index, int length) =>
        index < 0 ? -index : index >= length ? 2 * (length - 1) - index : index;
}
