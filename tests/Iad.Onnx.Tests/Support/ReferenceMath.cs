namespace Iad.Onnx.Tests.Support;

/// <summary>Straightforward loops that define what each operator should compute.</summary>
internal static class ReferenceMath
{
    public static float[] Conv2d(float[] x, int n, int c, int h, int w, float[] weights, float[] bias, int m, int k, int stride, int pad, out int oh, out int ow)
    {
        oh = (h + 2 * pad - k) / stride + 1;
        ow = (w + 2 * pad - k) / stride + 1;
        var y = new float[n * m * oh * ow];
        for (var b = 0; b < n; b++)
        for (var o = 0; o < m; o++)
        for (var oy = 0; oy < oh; oy++)
        for (var ox = 0; ox < ow; ox++)
        {
            double sum = bias[o];
            for (var i = 0; i < c; i++)
            for (var ky = 0; ky < k; ky++)
            for (var kx = 0; kx < k; kx++)
            {
                int iy = oy * stride + ky - pad, ix = ox * stride + kx - pad;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                sum += (double)x[((b * c + i) * h + iy) * w + ix] * weights[((o * c + i) * k + ky) * k + kx];
            }
            y[((b * m + o) * oh + oy) * ow + ox] = (float)sum;
        }
        return y;
    }

    public static float[] MatMul(float[] a, float[] b, int m, int k, int n)
    {
        var y = new float[m * n];
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            double sum = 0;
            for (var t = 0; t < k; t++) sum += (double)a[i * k + t] * b[t * n + j];
            y[i * n + j] = (float)sum;
        }
        return y;
    }

    /// <summary>1-D linear interpolation weights for half_pixel resizing with edge clamping.</summary>
    public static (int Low, int High, float Frac) HalfPixel(int outIndex, int inSize, int outSize)
    {
        var position = Math.Clamp((outIndex + 0.5f) * inSize / outSize - 0.5f, 0, inSize - 1);
        var low = (int)MathF.Floor(position);
        var high = Math.Min(low + 1, inSize - 1);
        return (low, high, position - low);
    }
}
