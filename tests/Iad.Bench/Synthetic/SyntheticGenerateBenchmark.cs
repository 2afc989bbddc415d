using Iad.Imaging.Encoding;
using Iad.Imaging.Images;
using Iad.Synthetic;
using Iad.Bench.Imaging;
using Iad.Synthetic.Generation;

namespace Iad.Bench.Synthetic;

/// <summary>
/// Synthetic generation throughput at 256×256 on one thread (render + defects + PNG encode + write of images and masks),
/// against only PNG-encoding the same, already rendered images: the ratio is the price of rendering on top of encoding.
/// </summary>
public sealed class SyntheticGenerateBenchmark : IBenchmark
{
    public string Name => "synthetic-generate";

    public string Description => "synthetic MVTec tree at 256², one thread (images/s, wall and CPU) vs PNG-encoding the same pre-rendered images";

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
        // 4 categories × (30 train + 10 good + 10 defective) = 200 images (+ 40 masks).
        var options = new SyntheticDatasetOptions(Categories: 4, Seed: 0, TrainGood: 30, TestGood: 10, TestDefective: 10, ImageSize: 256);
        var images = options.Categories * (options.TrainGood + options.TestGood + options.TestDefective);
        var root = Path.Combine(Path.GetTempPath(), "iad-bench-synthetic-" + Environment.ProcessId);
        try
        {
            var generator = new SyntheticDatasetGenerator(options);
            void Generate() => generator.WriteMvTec(root);
            var generate = context.MedianSeconds(Generate);
            var generateCpu = SingleCoreTiming.MedianCpuSeconds(context.Repetitions, Generate);

            var rendered = new List<RgbImage>(images);
            var masks = new List<BinaryMask>();
            var factory = generator.Factory;
            void Render()
            {
                rendered.Clear();
                masks.Clear();
                for (var c = 0; c < options.Categories; c++)
                {
                    for (var i = 0; i < options.TrainGood; i++) rendered.Add(factory.Create(c, SampleStream.TrainGood, i).Image);
                    for (var i = 0; i < options.TestGood; i++) rendered.Add(factory.Create(c, SampleStream.TestGood, i).Image);
                    for (var i = 0; i < options.TestDefective; i++)
                    {
                        var sample = factory.Create(c, SampleStream.TestDefective, i);
                        rendered.Add(sample.Image);
                        masks.Add(sample.Mask!);
                    }
                }
            }
            void Encode()
            {
                foreach (var image in rendered) ImageEncoder.EncodePng(image);
                foreach (var mask in masks) ImageEncoder.EncodePng(mask);
            }
            var render = context.MedianSeconds(Render);
            var encode = context.MedianSeconds(Encode);
            var encodeCpu = SingleCoreTiming.MedianCpuSeconds(context.Repetitions, Encode);
            context.Report($"generate {images} images + {masks.Count} masks (write)", generate, $"{images / generate:F0} images/s");
            context.Report($"render {images} images + masks (no encode)", render, $"{images / render:F0} images/s");
            context.Report($"PNG-encode the same {images} images + masks", encode, $"{images / encode:F0} images/s");
            context.Report("  generate, CPU time", generateCpu, $"{images / generateCpu:F0} images per CPU-second");
            context.Report("  encode-only, CPU time", encodeCpu, $"{images / encodeCpu:F0} images per CPU-second");
            context.Ratio("generate / encode-only (CPU time)", generateCpu, encodeCpu);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
