using System.Numerics.Tensors;

namespace Iad.Onnx.Backbones.BuiltIn;

/// <summary>
/// Plain C# convolution, pooling and statistics used to calibrate the built-in backbone at generation time.
/// Deterministic: every output element is accumulated in the same order on every machine.
/// </summary>
internal static class ReferenceOps
{
    /// <summary>Cross-correlation with zero padding: weights [M, C, k, k], optional bias [M].</summary>
    public static FeatureMap Conv2d(FeatureMap x, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int outChannels, int kernel, int stride, int pad)
    {
        var oh = (x.Height + 2 * pad - kernel) / stride + 1;
        var ow = (x.Width + 2 * pad - kernel) / stride + 1;
        var output = new float[x.Count * outChannels * oh * ow];
        for (var n = 0; n < x.Count; n++)
        {
            for (var m = 0; m < outChannels; m++)
            {
                var dst = output.AsSpan((n * outChannels + m) * oh * ow, oh * ow);
                dst.Fill(bias.IsEmpty ? 0f : bias[m]);
                for (var c = 0; c < x.Channels; c++)
                {
                    var src = x.Data.AsSpan((n * x.Channels + c) * x.Plane, x.Plane);
                    var w = weights.Slice((m * x.Channels + c) * kernel * kernel, kernel * kernel);
                    for (var ky = 0; ky < kernel; ky++)
                    {
                        for (var kx = 0; kx < kernel; kx++)
                        {
                            var weight = w[ky * kernel + kx];
                            if (stride == 1) AccumulateRowsStride1(src, dst, x.Height, x.Width, oh, ow, ky - pad, kx - pad, weight);
                            else AccumulateRows(src, dst, x.Height, x.Width, oh, ow, ky - pad, kx - pad, stride, weight);
                        }
                    }
                }
            }
        }
        return new FeatureMap(output, x.Count, outChannels, oh, ow);
    }

    /// <summary>Max pooling; padded positions never win.</summary>
    public static FeatureMap MaxPool(FeatureMap x, int kernel, int stride, int pad)
    {
        var oh = (x.Height + 2 * pad - kernel) / stride + 1;
        var ow = (x.Width + 2 * pad - kernel) / stride + 1;
        var output = new float[x.Count * x.Channels * oh * ow];
        for (var plane = 0; plane < x.Count * x.Channels; plane++)
        {
            var src = x.Data.AsSpan(plane * x.Plane, x.Plane);
            var dst = output.AsSpan(plane * oh * ow, oh * ow);
            for (var oy = 0; oy < oh; oy++)
            {
                for (var ox = 0; ox < ow; ox++)
                {
                    var best = float.NegativeInfinity;
                    for (var ky = 0; ky < kernel; ky++)
                    {
                        var iy = oy * stride + ky - pad;
                        if ((uint)iy >= (uint)x.Height) continue;
                        for (var kx = 0; kx < kernel; kx++)
                        {
                            var ix = ox * stride + kx - pad;
                            if ((uint)ix < (uint)x.Width) best = MathF.Max(best, src[iy * x.Width + ix]);
                        }
                    }
                    dst[oy * ow + ox] = best;
                }
            }
        }
        return new FeatureMap(output, x.Count, x.Channels, oh, ow);
    }

    /// <summary>Per-channel mean and population standard deviation over batch and space, accumulated in double.</summary>
    public static (double[] Mean, double[] Std) ChannelStatistics(FeatureMap x)
    {
        var mean = new double[x.Channels];
        var std = new double[x.Channels];
        for (var c = 0; c < x.Channels; c++)
        {
            double sum = 0, sumSquares = 0;
            for (var n = 0; n < x.Count; n++)
            {
                foreach (var value in x.Data.AsSpan((n * x.Channels + c) * x.Plane, x.Plane))
                {
                    sum += value;
                    sumSquares += (double)value * value;
                }
            }
            var count = (double)x.Count * x.Plane;
            mean[c] = sum / count;
            std[c] = Math.Sqrt(Math.Max(sumSquares / count - mean[c] * mean[c], 0));
        }
        return (mean, std);
    }

    private static void AccumulateRowsStride1(ReadOnlySpan<float> src, Span<float> dst, int h, int w, int oh, int ow, int dy, int dx, float weight)
    {
        var xStart = Math.Max(0, -dx);
        var xEnd = Math.Min(ow, w - dx);
        if (xEnd <= xStart) return;
        for (var oy = 0; oy < oh; oy++)
        {
            var iy = oy + dy;
            if ((uint)iy >= (uint)h) continue;
            var row = dst.Slice(oy * ow + xStart, xEnd - xStart);
            TensorPrimitives.MultiplyAdd(src.Slice(iy * w + xStart + dx, xEnd - xStart), weight, row, row);
        }
    }

    private static void AccumulateRows(ReadOnlySpan<float> src, Span<float> dst, int h, int w, int oh, int ow, int dy, int dx, int stride, float weight)
    {
        for (var oy = 0; oy < oh; oy++)
        {
            var iy = oy * stride + dy;
            if ((uint)iy >= (uint)h) continue;
            for (var ox = 0; ox < ow; ox++)
            {
                var ix = ox * stride + dx;
                if ((uint)ix < (uint)w) dst[oy * ow + ox] += weight * src[iy * w + ix];
            }
        }
    }
}
