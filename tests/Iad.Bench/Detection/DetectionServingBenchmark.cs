using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Iad.Bench.Support;
using Iad.Contracts.V1;
using Iad.Detection.Service.Configuration;
using Iad.Onnx.Detector;
using Iad.Onnx.Runtime;

namespace Iad.Bench.Detection;

/// <summary>
/// Serving overhead of the detection service: end-to-end gRPC Detect on loopback (uint8 [3,256,256] tensors, as a
/// client holding 8-bit pixels sends them; score only) against <see cref="DetectorSession.Run(ReadOnlySpan{float}, int)"/>
/// in process on the same float input, model and session settings (the service's defaults), at request sizes
/// 1/8/16/32 (the served model reloaded with max_batch_size = request size, so no batch waits for the queue delay;
/// served and in-process samples taken in pairs, see <see cref="ServingComparison"/>). Each row also gives the
/// server's own split of the request (total, batch compute, queue wait), so transport cost is client time minus server
/// total. Two models: the tiny conv detector (≈ 1–2 ms compute: the fixed cost per call dominates) and a compiled
/// PatchCore detector (realistic compute). Then images/s from 16 concurrent single-image clients through the dynamic batcher, and peak memory.
/// </summary>
public sealed class DetectionServingBenchmark : IBenchmark
{
    private const int MaxBatch = 32;
    private static readonly int[] BatchSizes = [1, 8, 16, 32];

    public string Name => "detection-serving";

    public string Description => "detection service: loopback gRPC Detect vs in-process ONNX Runtime (256x256 conv and PatchCore detectors, CPU)";

    public void Run(BenchContext context) => RunAsync(context).GetAwaiter().GetResult();

    private static async Task RunAsync(BenchContext context)
    {
        var root = Directory.CreateTempSubdirectory("iad-bench-models-").FullName;
        var conv = ServingDetector.Create();
        await File.WriteAllBytesAsync(Path.Combine(root, "serving.onnx"), conv);
        var (pixels, floats) = Images(MaxBatch);
        try
        {
            await using var server = await LoopbackDetectionServer.StartAsync(root);
            await TransportFloorAsync(context, server.Client, pixels);
            context.Output.WriteLine("  conv detector 256x256 (2 convolutions, ~40 MFLOP/image):");
            await CompareAsync(context, server, "serving", conv, pixels, floats);

            await Load(server, "serving", 16, 2000);
            var concurrent = await ConcurrentImagesPerSecond(server.Client, pixels[0], clients: 16, requestsPerClient: 8);
            var stats = await server.Client.GetModelStatsAsync(new GetModelStatsRequest { ModelId = "serving" });
            context.Output.WriteLine($"  {"16 concurrent 1-image clients (batch<=16, 2 ms)",-48} {concurrent,12:F1} img/s  mean batch {stats.MeanBatchSize:F2}");
            context.Output.WriteLine($"  {"peak RSS since last load (GetModelStats)",-48} {stats.PeakHostBytes / 1e6,12:F1} MB");
            await server.Client.UnloadModelAsync(new UnloadModelRequest { ModelId = "serving" });

            var start = Stopwatch.GetTimestamp();
            var (patchCore, bankRows) = PatchCoreServingDetector.Create();
            await File.WriteAllBytesAsync(Path.Combine(root, "patchcore.onnx"), patchCore);
            context.Output.WriteLine(
                $"  PatchCore detector 256x256 (built-in backbone, bank {bankRows} rows, fitted in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s):");
            await CompareAsync(context, server, "patchcore", patchCore, pixels, floats);

            context.Output.WriteLine($"  {"peak working set of the process",-48} {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,12:F1} MB");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task CompareAsync(
        BenchContext context, LoopbackServer<DetectionService.DetectionServiceClient> server, string name, byte[] model, Image[] pixels, float[] floats)
    {
        using var session = DetectorSession.Open(model, new DetectorSessionOptions
        {
            // The served model's own session settings, so the two differ by the serving path only.
            Settings = new SessionSettings { Provider = ExecutionProviderPreference.Cpu, IntraOpSpinning = new DetectionOptions().IntraOpSpinning },
            PreallocateBatchSize = MaxBatch,
        });
        var imageLength = session.ImageLength;
        foreach (var batch in BatchSizes)
        {
            await Load(server, name, batch, 2000);
            var request = new DetectRequest { ModelId = name };
            request.Images.AddRange(pixels.Take(batch));
            var result = await ServingComparison.MeasureAsync(
                () => server.Client.DetectAsync(request).ResponseAsync,
                () => session.Run(floats.AsSpan(0, batch * imageLength), batch),
                context.Repetitions);
            var unit = batch == 1 ? "" : " per image";
            context.Report($"batch {batch}: in-process ONNX Runtime{unit}", result.Direct.Median / batch, $"min {result.Direct.Min / batch * 1e3:F3} ms");
            context.Report($"batch {batch}: gRPC Detect on loopback{unit}", result.Served.Median / batch, $"min {result.Served.Min / batch * 1e3:F3} ms");
            context.Output.WriteLine(
                $"  {$"batch {batch}: server's split of one request",-48} total {result.ServerTotal * 1e3:F3} ms = compute {result.ServerCompute * 1e3:F3} ms + queue {result.ServerQueue * 1e3:F3} ms + rest");
            context.Output.WriteLine($"  {$"batch {batch}: gRPC / in-process{unit}, median of pairs",-48} {result.PairedRatio,12:F3} x");
            context.Ratio($"batch {batch}: gRPC / in-process{unit}, medians", result.Served.Median, result.Direct.Median);
            context.Ratio($"batch {batch}: gRPC / in-process{unit}, minima", result.Served.Min, result.Direct.Min);
            context.Output.WriteLine($"  {$"batch {batch}: gRPC images/s",-48} {batch / result.Served.Median,12:F1} img/s  (in process {batch / result.Direct.Median:F1})");
        }
        await server.Client.UnloadModelAsync(new UnloadModelRequest { ModelId = name });
    }

    /// <summary>
    /// The per-call cost of the gRPC stack alone: the same uint8 requests sent to a model that is not loaded, so the
    /// server receives and parses the whole message and answers NOT_FOUND without computing anything (an empty
    /// request, answered INVALID_ARGUMENT, gives the fixed cost of a call).
    /// </summary>
    private static async Task TransportFloorAsync(BenchContext context, DetectionService.DetectionServiceClient client, Image[] pixels)
    {
        foreach (var batch in (int[])[0, .. BatchSizes])
        {
            var request = new DetectRequest { ModelId = "not-loaded" };
            request.Images.AddRange(pixels.Take(batch));
            var (median, min) = await ServingComparison.TimeAsync(async () =>
            {
                try
                {
                    await client.DetectAsync(request);
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
                {
                }
            }, Math.Max(context.Repetitions, 25));
            context.Report($"gRPC floor, request size {batch} (error reply, no compute)", median, $"min {min * 1e3:F3} ms, {request.CalculateSize() / 1e6:F2} MB");
        }
    }

    private static Task<LoadModelResponse> Load(LoopbackServer<DetectionService.DetectionServiceClient> server, string name, int maxBatch, int delayUs) =>
        server.Client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = $"file:{name}.onnx",
            Provider = ProviderPreference.Cpu,
            Batching = new BatchingOptions { MaxBatchSize = maxBatch, MaxQueueDelayUs = delayUs },
        }).ResponseAsync;

    private static async Task<double> ConcurrentImagesPerSecond(DetectionService.DetectionServiceClient client, Image image, int clients, int requestsPerClient)
    {
        var request = new DetectRequest { ModelId = "serving", Images = { image } };
        await client.DetectAsync(request);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = 0; i < requestsPerClient; i++) await client.DetectAsync(request);
        }));
        return clients * requestsPerClient / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static (Image[] Pixels, float[] Floats) Images(int count)
    {
        const int length = 3 * ServingDetector.Size * ServingDetector.Size;
        var random = new Random(1);
        var images = new Image[count];
        var floats = new float[count * length];
        for (var n = 0; n < count; n++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            for (var i = 0; i < length; i++) floats[n * length + i] = bytes[i] / 255f;
            images[n] = new Image
            {
                Tensor = new Tensor { Dtype = DataType.Uint8, Shape = { 3, ServingDetector.Size, ServingDetector.Size }, Data = ByteString.CopyFrom(bytes) },
            };
        }
        return (images, floats);
    }
}
