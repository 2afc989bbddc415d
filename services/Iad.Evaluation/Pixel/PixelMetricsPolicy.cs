namespace Iad.Evaluation.Pixel;

/// <summary>
/// Chooses how pixel metrics are computed: exact while the exact buffers fit the memory budget, binned beyond.
/// The exact mode needs about <see cref="ExactBytesPerPixel"/> bytes per pixel (a 4-byte sort key and its radix
/// scratch; region pixels take 16, so the estimate assumes they are a small share of all pixels); the binned mode
/// needs 24 bytes × <see cref="Bins"/> whatever the pixel count. The accumulator's <c>Mode</c> and the result's
/// <see cref="PixelMetricsResult.Mode"/> report which was used.
/// </summary>
/// <param name="MemoryBudgetBytes">Largest memory the exact mode may take.</param>
/// <param name="MinScore">Lower edge of the binned range (used only in binned mode).</param>
/// <param name="MaxScore">Upper edge of the binned range.</param>
/// <param name="Bins">Bin count of the binned mode.</param>
/// <param name="FprLimit">FPR limit of the PRO area, for either mode.</param>
public sealed record PixelMetricsPolicy(long MemoryBudgetBytes, float MinScore, float MaxScore, int Bins = 4096, double FprLimit = 0.3)
{
    /// <summary>Bytes per pixel assumed for the exact mode.</summary>
    public const int ExactBytesPerPixel = 8;

    /// <summary>The mode for <paramref name="pixelCount"/> pixels (all maps of one evaluation together).</summary>
    public PixelMetricMode Choose(long pixelCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixelCount);
        return pixelCount <= ExactPixelMetrics.MaxPixels && pixelCount * ExactBytesPerPixel <= MemoryBudgetBytes
            ? PixelMetricMode.Exact
            : PixelMetricMode.Binned;
    }

    /// <summary>Creates the accumulator for <paramref name="pixelCount"/> pixels, exact buffers sized once.</summary>
    public IPixelMetricAccumulator Create(long pixelCount) =>
        Choose(pixelCount) == PixelMetricMode.Exact
            ? new ExactPixelMetrics(FprLimit, (int)pixelCount)
            : new BinnedPixelMetrics(MinScore, MaxScore, Bins, FprLimit);
}
