using Iad.Onnx.Backbones.BuiltIn;
using Iad.Onnx.Models;
using Iad.Onnx.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Bench.Onnx;

/// <summary>
/// Built-in backbone at 256×256 on CPU, batches 1 and 16: <see cref="TensorSession"/> (pre-bound, reused buffers)
/// against a plain <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// that allocates its outputs on every call.
/// </summary>
public sealed class BuiltInBackboneBenchmark : IBenchmark
{
    private const int Size = 256;

    public string Name => "onnx-builtin-backbone";

    public string Description => "built-in backbone 256x256 CPU: reused-buffer TensorSession vs plain InferenceSession.Run (ms/image)";

    public void Run(BenchContext context)
    {
        var bytes = OnnxModelFile.ToBytes(BuiltInBackbone.Create());
        context.Output.WriteLine($"  model size {bytes.Length / 1e6:F2} MB");
        foreach (var batch in new[] { 1, 16 })
        {
            var images = new float[batch * 3 * Size * Size];
            var random = new Random(batch);
            for (var i = 0; i < images.Length; i++) images[i] = random.NextSingle() * 4 - 2;

            using var session = TensorSession.Open(bytes, new TensorSessionOptions { SampleShape = [3, Size, Size], PreallocateBatchSize = batch });
            using var plain = new InferenceSession(bytes);
            using var runOptions = new RunOptions();
            using var input = OrtValue.CreateTensorValueFromMemory(images, [batch, 3, Size, Size]);
            string[] inputNames = ["image"];
            string[] outputNames = ["layer2", "layer3"];
            void Subject() => session.Run(images, batch);
            void Reference()
            {
                using var results = plain.Run(runOptions, inputNames, [input], outputNames);
            }

            // Machines are shared: alternate the two and keep each one's better median.
            double subject = double.MaxValue, reference = double.MaxValue;
            for (var round = 0; round < 2; round++)
            {
                subject = Math.Min(subject, context.MedianSeconds(Subject));
                reference = Math.Min(reference, context.MedianSeconds(Reference));
            }
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            Subject();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            context.Report($"batch {batch}: TensorSession per image", subject / batch, $"managed alloc/run {allocated} B");
            context.Report($"batch {batch}: InferenceSession.Run per image", reference / batch);
            context.Ratio($"batch {batch}: TensorSession / InferenceSession.Run", subject, reference);
        }
    }
}
