using System.Diagnostics;
using Iad.Methods;
using Iad.Methods.PatchCore;
using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Protobuf;
using Iad.Onnx.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Bench.Methods;

/// <summary>
/// Compiled PatchCore detector (built-in backbone, 256×256, bank fitted on 16 random-texture images): per-image latency
/// at batch 1 and 16 through <see cref="DetectorSession"/>, the time spent in the whole-graph vs its nearest-neighbour
/// part alone (Gemm + TopK graph over the same bank), and that kNN part against a plain ONNX Runtime MatMul of the same
/// shape returning its full distance-product matrix.
/// </summary>
public sealed class PatchCoreInferenceBenchmark : IBenchmark
{
    private const int Size = 256;
    private const int TrainImages = 16;

    public string Name => "patchcore-infer";

    public string Description => "compiled PatchCore 256x256: ms/image at batch 1 and 16; kNN Gemm+TopK vs plain MatMul of the same shape";

    public void Run(BenchContext context)
    {
        var random = new Random(3);
        var imageLength = 3 * Size * Size;
        var train = new float[TrainImages * imageLength];
        for (var i = 0; i < train.Length; i++) train[i] = 0.5f + 0.2f * MathF.Sin(i * 0.01f) + 0.1f * random.NextSingle();
        var options = new FitOptions { InputHeight = Size, InputWidth = Size };
        var start = Stopwatch.GetTimestamp();
        using var model = (PatchCoreModel)new PatchCoreMethod().Fit([new ImageBatch(train, TrainImages)], options);
        context.Report($"fit {TrainImages} images (bank {model.StateRows} x {model.Shape.Channels})", Stopwatch.GetElapsedTime(start).TotalSeconds);
        var bytes = OnnxModelFile.ToBytes(model.Compile(new DetectorCompileOptions(new string('0', 64))));
        context.Output.WriteLine($"  detector size {bytes.Length / 1e6:F2} MB");

        foreach (var batch in new[] { 1, 16 })
        {
            using var detector = DetectorSession.Open(bytes, new DetectorSessionOptions { PreallocateBatchSize = batch });
            var input = detector.GetInputBuffer(batch);
            for (var i = 0; i < input.Length; i++) input[i] = random.NextSingle();
            var seconds = context.MedianSeconds(() => detector.Run(batch));
            context.Report($"batch {batch}: detector per image", seconds / batch);

            var rows = batch * model.Shape.Patches;
            var queries = new float[rows * model.Shape.Channels];
            for (var i = 0; i < queries.Length; i++) queries[i] = random.NextSingle();
            var knn = Time(context, KnnGraph(model, reduce: true), queries, rows, model.Shape.Channels);
            var matmul = Time(context, KnnGraph(model, reduce: false), queries, rows, model.Shape.Channels);
            context.Report($"batch {batch}: kNN Gemm+TopK [{rows}x{model.Shape.Channels}]·[{model.StateRows}]", knn);
            context.Report($"batch {batch}: plain MatMul, full [{rows}x{model.StateRows}] out", matmul);
            context.Ratio($"batch {batch}: kNN / plain MatMul", knn, matmul);
            context.Ratio($"batch {batch}: kNN share of detector", knn, seconds);
        }
    }

    private static double Time(BenchContext context, ModelProto graph, float[] queries, int rows, int channels)
    {
        using var session = new InferenceSession(OnnxModelFile.ToBytes(graph));
        using var input = OrtValue.CreateTensorValueFromMemory(queries, [rows, channels]);
        using var runOptions = new RunOptions();
        string[] inputs = ["queries"];
        string[] outputs = ["out"];
        return context.MedianSeconds(() =>
        {
            using var results = session.Run(runOptions, inputs, [input], outputs);
        });
    }

    // The detector's kNN core (reduce) or a plain MatMul with the bank transposed, returning the whole product.
    private static ModelProto KnnGraph(PatchCoreModel model, bool reduce)
    {
        var c = model.Shape.Channels;
        var m = (int)model.StateRows;
        var b = new GraphBuilder("knn");
        b.AddInput("queries", TensorProto.Types.DataType.Float, "rows", c);
        if (reduce)
        {
            var bank = b.AddInitializer("bank", model.Bank, m, c);
            var norms = b.AddInitializer("norms", new float[m], m);
            var (values, _) = b.TopK(b.Gemm("queries", bank, norms, alpha: -2f, transB: true), 1, -1, largest: false);
            b.Identity(values, "out");
            b.AddOutput("out", TensorProto.Types.DataType.Float, "rows", 1);
        }
        else
        {
            var transposed = new float[c * m];
            for (var r = 0; r < m; r++)
            {
                for (var j = 0; j < c; j++) transposed[j * m + r] = model.Bank[r * c + j];
            }
            b.MatMul("queries", b.AddInitializer("bank_t", transposed, c, m), "out");
            b.AddOutput("out", TensorProto.Types.DataType.Float, "rows", m);
        }
        return b.Model;
    }
}
