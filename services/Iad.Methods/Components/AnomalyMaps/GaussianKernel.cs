namespace Iad.Methods.Components.AnomalyMaps;

/// <summary>
/// The normalised 1-D Gaussian used for map smoothing (anomalib / kornia <c>GaussianBlur2d</c>): size
/// K = 2·⌊4σ + 0.5⌋ + 1 (33 for σ = 4), taps g_i ∝ exp(−(i − K/2)² / (2σ²)) for i = 0..K−1, summing to 1.
/// </summary>
public static class GaussianKernel
{
    /// <summary>Kernel size K for <paramref name="sigma"/>.</summary>
    public static int Size(float sigma) => 2 * (int)(4 * sigma + 0.5f) + 1;

    /// <summary>The K taps for <paramref name="sigma"/> (&gt; 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">σ is not positive and finite.</exception>
    public static float[] Create(float sigma)
    {
        if (!(sigma > 0 && float.IsFinite(sigma))) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be positive and finite.");
        var size = Size(sigma);
        var taps = new double[size];
        double sum = 0;
        for (var i = 0; i < size; i++)
        {
            var x = i - size / 2;
            taps[i] = Math.Exp(-(double)x * x / (2.0 * sigma * sigma));
            sum += taps[i];
        }
        var result = new float[size];
        for (var i = 0; i < size; i++) result[i] = (float)(taps[i] / sum);
        return result;
    }
}
