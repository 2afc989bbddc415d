using Iad.Imaging.Encoding;
using Iad.Imaging.Images;
using Iad.Imaging.Preprocessing;
using Iad.Imaging.Randomness;

namespace Iad.Bench.Imaging;

/// <summary>
/// Local decode reference: PNG bytes → 256×256 float CHW tensor (decode + resize + convert) on one thread, for 256×256
/// and 512×512 sources; the later streaming benchmark divides its throughput by this one.
/// </summary>
public sealed class ImagingDecodeBenchmark : IBenchmark
{
    private const int Images = 200;

    public string Name => "imaging-decode";

    public string Description => "decode+resize PNG → 256×256 CHW float, one thread (images/s, wall and CPU), vs decode alone";

    public void Run(BenchContext context)
    {
        var threads = SingleCoreTiming.UseOneOpenCvThread();
        try
        {
            Measure(context);
        }
        finally
        {
            SingleCoreTiming.Restore(threads);
        }
    }

    private static void Measure(BenchContext context)
    {
        foreach (var side in new[] { 256, 512 })
        {
            var encoded = new byte[Images][];
            for (var i = 0; i < Images; i++) encoded[i] = ImageEncoder.EncodePng(NoisyImage(side, (ulong)i));
            var geometry = InputGeometry.Default;
            var tensor = new float[geometry.TensorLength];
            void Load()
            {
                foreach (var bytes in encoded) ImagePreprocessor.LoadTensor(bytes, geometry, tensor);
            }
            void Decode()
            {
                foreach (var bytes in encoded) Iad.Imaging.Decoding.ImageDecoder.DecodeRgb(bytes);
            }
            var full = context.MedianSeconds(Load);
            var decodeOnly = context.MedianSeconds(Decode);
            var fullCpu = SingleCoreTiming.MedianCpuSeconds(context.Repetitions, Load);
            var decodeCpu = SingleCoreTiming.MedianCpuSeconds(context.Repetitions, Decode);
            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var bytes in encoded) ImagePreprocessor.LoadTensor(bytes, geometry, tensor);
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Images;
            context.Report($"{Images} PNG {side}² → tensor 256² (LoadTensor)", full,
                $"{Images / full:F0} images/s, {allocated:F0} managed bytes/image, {encoded.Average(e => e.Length) / 1024:F0} KiB/PNG");
            context.Report($"{Images} PNG {side}² → RgbImage (DecodeRgb)", decodeOnly, $"{Images / decodeOnly:F0} images/s");
            context.Report($"  same, CPU time (LoadTensor)", fullCpu, $"{Images / fullCpu:F0} images per CPU-second");
            context.Report($"  same, CPU time (DecodeRgb)", decodeCpu, $"{Images / decodeCpu:F0} images per CPU-second");
            context.Ratio($"LoadTensor / DecodeRgb ({side}², CPU time)", fullCpu, decodeCpu);
        }
    }

    /// <summary>A smooth pattern plus ±8 levels of noise, so PNG sizes resemble real photographs more than flat colour.</summary>
    private static RgbImage NoisyImage(int side, ulong seed)
    {
        var random = new SeededRandom(seed);
        var image = new RgbImage(side, side);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var i = (y * side + x) * 3;
                var noise = random.NextUInt64();
                image.Pixels[i] = (byte)(60 + x * 100 / side + (int)(noise & 15));
                image.Pixels[i + 1] = (byte)(90 + y * 80 / side + (int)((noise >> 8) & 15));
                image.Pixels[i + 2] = (byte)(120 + (int)((noise >> 16) & 15));
            }
        }
        return image;
    }
}
