namespace Iad.Onnx.Backbones.BuiltIn;

/// <summary>
/// The hand-designed first layer of the built-in backbone, defined on RGB in [0, 1]: 5×5 filters, 20 in all —
/// 16 Gabor filters on luminance Y = 0.299R + 0.587G + 0.114B (4 orientations 0°, 45°, 90°, 135° × even/odd phase ×
/// wavelengths 4 and 2.5 px, Gaussian envelope σ = 0.45·λ capped at 1.5 px, DC removed, unit L2 norm),
/// red–green and blue–yellow colour-opponent blobs (σ = 1.5 px), a luminance centre–surround difference of Gaussians
/// (σ 0.8 vs 1.6 px, DC removed) and a luminance Gaussian blob (σ = 1.5 px) for absolute brightness.
/// </summary>
internal static class FixedFilterBank
{
    public const int Size = 5;
    public const int Count = 20;
    private const int Radius = Size / 2;
    private static readonly double[] Luma = [0.299, 0.587, 0.114];

    /// <summary>Weights [Count, 3, 5, 5] in RGB space, row-major.</summary>
    public static float[] Create()
    {
        var weights = new float[Count * 3 * Size * Size];
        var filter = 0;
        foreach (var wavelength in (ReadOnlySpan<double>)[4.0, 2.5])
        {
            for (var orientation = 0; orientation < 4; orientation++)
            {
                foreach (var odd in (ReadOnlySpan<bool>)[false, true])
                {
                    var kernel = Gabor(orientation * Math.PI / 4, wavelength, odd);
                    WriteLuminance(weights, filter++, kernel);
                }
            }
        }
        var blob = Gaussian(1.5);
        WriteColour(weights, filter++, blob, [1, -1, 0]);
        WriteColour(weights, filter++, blob, [-0.5, -0.5, 1]);
        var small = Gaussian(0.8);
        var large = Gaussian(1.6);
        var dog = new double[Size * Size];
        for (var i = 0; i < dog.Length; i++) dog[i] = small[i] - large[i];
        WriteLuminance(weights, filter++, Normalise(RemoveMean(dog)));
        WriteLuminance(weights, filter++, blob);
        return weights;
    }

    private static double[] Gabor(double theta, double wavelength, bool odd)
    {
        var sigma = Math.Min(0.45 * wavelength, 1.5);
        var kernel = new double[Size * Size];
        for (var y = -Radius; y <= Radius; y++)
        {
            for (var x = -Radius; x <= Radius; x++)
            {
                var u = x * Math.Cos(theta) + y * Math.Sin(theta);
                var envelope = Math.Exp(-(x * x + y * y) / (2 * sigma * sigma));
                var carrier = odd ? Math.Sin(2 * Math.PI * u / wavelength) : Math.Cos(2 * Math.PI * u / wavelength);
                kernel[(y + Radius) * Size + x + Radius] = envelope * carrier;
            }
        }
        return Normalise(RemoveMean(kernel));
    }

    private static double[] Gaussian(double sigma)
    {
        var kernel = new double[Size * Size];
        double sum = 0;
        for (var y = -Radius; y <= Radius; y++)
        {
            for (var x = -Radius; x <= Radius; x++)
            {
                var value = Math.Exp(-(x * x + y * y) / (2 * sigma * sigma));
                kernel[(y + Radius) * Size + x + Radius] = value;
                sum += value;
            }
        }
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= sum;
        return kernel;
    }

    private static double[] RemoveMean(double[] kernel)
    {
        var mean = kernel.Average();
        for (var i = 0; i < kernel.Length; i++) kernel[i] -= mean;
        return kernel;
    }

    private static double[] Normalise(double[] kernel)
    {
        var norm = Math.Sqrt(kernel.Sum(v => v * v));
        for (var i = 0; i < kernel.Length; i++) kernel[i] /= norm;
        return kernel;
    }

    private static void WriteLuminance(float[] weights, int filter, double[] kernel) => WriteColour(weights, filter, kernel, Luma);

    private static void WriteColour(float[] weights, int filter, double[] kernel, ReadOnlySpan<double> channelWeights)
    {
        for (var c = 0; c < 3; c++)
        {
            var offset = (filter * 3 + c) * Size * Size;
            for (var i = 0; i < kernel.Length; i++) weights[offset + i] = (float)(channelWeights[c] * kernel[i]);
        }
    }
}
