namespace Iad.Onnx.Backbones.BuiltIn;

/// <summary>
/// Seeded synthetic images that stand in for natural images when the built-in backbone standardises its activations:
/// a random base colour, three tinted sinusoidal gratings (wavelength 3–24 px, amplitude 0.05–0.2), four coloured
/// Gaussian blobs (σ 3–15 px, amplitude ±0.3) and pixel noise (σ 0.02), clamped to [0, 1], then ImageNet-normalised.
/// </summary>
internal static class CalibrationImages
{
    public static FeatureMap Create(SeededRandom random, int count, int size)
    {
        var data = new float[count * 3 * size * size];
        var rgb = new double[3 * size * size];
        for (var n = 0; n < count; n++)
        {
            for (var c = 0; c < 3; c++) rgb.AsSpan(c * size * size, size * size).Fill(0.2 + 0.6 * random.NextDouble());
            for (var g = 0; g < 3; g++) AddGrating(rgb, size, random);
            for (var b = 0; b < 4; b++) AddBlob(rgb, size, random);
            for (var c = 0; c < 3; c++)
            {
                var mean = BackboneSpec.ImageNetMean[c];
                var std = BackboneSpec.ImageNetStd[c];
                for (var i = 0; i < size * size; i++)
                {
                    var value = Math.Clamp(rgb[c * size * size + i] + 0.02 * random.NextGaussian(), 0, 1);
                    data[(n * 3 + c) * size * size + i] = (float)((value - mean) / std);
                }
            }
        }
        return new FeatureMap(data, count, 3, size, size);
    }

    private static void AddGrating(double[] rgb, int size, SeededRandom random)
    {
        var theta = Math.PI * random.NextDouble();
        var wavelength = 3 + 21 * random.NextDouble();
        var phase = 2 * Math.PI * random.NextDouble();
        var amplitude = 0.05 + 0.15 * random.NextDouble();
        Span<double> tint = [0.5 + 0.5 * random.NextDouble(), 0.5 + 0.5 * random.NextDouble(), 0.5 + 0.5 * random.NextDouble()];
        var (cos, sin) = (Math.Cos(theta), Math.Sin(theta));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var wave = amplitude * Math.Sin(2 * Math.PI * (x * cos + y * sin) / wavelength + phase);
                for (var c = 0; c < 3; c++) rgb[(c * size + y) * size + x] += tint[c] * wave;
            }
        }
    }

    private static void AddBlob(double[] rgb, int size, SeededRandom random)
    {
        var cx = size * random.NextDouble();
        var cy = size * random.NextDouble();
        var sigma = 3 + 12 * random.NextDouble();
        Span<double> amplitude = [0.6 * random.NextDouble() - 0.3, 0.6 * random.NextDouble() - 0.3, 0.6 * random.NextDouble() - 0.3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var envelope = Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
                for (var c = 0; c < 3; c++) rgb[(c * size + y) * size + x] += amplitude[c] * envelope;
            }
        }
    }
}
