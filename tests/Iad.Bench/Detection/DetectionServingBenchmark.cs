using System.Diagnostics;
using Google.Protobuf;
using Iad.Bench.Support;
using Iad.Contracts.V1;
using Iad.Onnx.Detector;
using Iad.Onnx.Runtime;

namespace Iad.Bench.Detection;

/// <summary>
/// Serving overhead of the detection service: end-to-end gRPC Detect on loopback (uint8 [3,256,256] tensors, score
/// only) against <see cref="DetectorSession.Run(ReadOnlySpan{float}, int)"/> in process on the same model and CPU
/// settings, at batch 1 and per image at batch 16; then images/s at request sizes 1/8/16/32 (the model reloaded with
/// max_batch_size = request size, so no batch waits for the queue delay), images/s from 16 concurrent single-image
/// clients through the dynamic batcher, and peak memory.
/// </summary>
public sealed class DetectionServingBenchmark : IBenchmark
{
    public string Name => "detection-serving";

    public string Description => "detection service: loopback gRPC Detect vs in-process ONNX Runtime (256x256 conv detector, CPU)";

    public void Run(BenchContext context) => RunAsync(context).GetAwaiter().GetResult();

    private static async Task RunAsync(BenchContext context)
    {
        var model = ServingDetector.Create();
        var root = Directory.CreateTempSubdirectory("iad-bench-models-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(root, "serving.onnx"), model);
        const int maxBatch = 32;
        var (pixels, floats) = Images(maxBatch);
        try
        {
            await using var server = await LoopbackDetectionServer.StartAsync(root);
            using var session = DetectorSession.Open(model, new DetectorSessionOptions
            {
                Settings = new SessionSettings { Provider = ExecutionProviderPreference.Cpu },
                PreallocateBatchSize = maxBatch,
            });
            var imageLength = session.ImageLength;

            double Direct(int batch) => context.MedianSeconds(() => session.Run(floats.AsSpan(0, batch * imageLength), batch));
            var served = new Dictionary<int, double>();
            foreach (var batch in new[] { 1, 8, 16, 32 })
            {
                await Load(server, batch, 2000);
                var request = new DetectRequest { ModelId = "serving" };
                request.Images.AddRange(pixels.Take(batch));
                served[batch] = context.MedianSeconds(() => server.Client.Detect(request));
            }
            var direct1 = Direct(1);
            var direct16 = Direct(16);

            context.Report("batch 1: in-process ONNX Runtime", direct1);
            context.Report("batch 1: gRPC Detect on loopback", served[1]);
            context.Ratio("batch 1: gRPC / in-process", served[1], direct1);
            context.Report("batch 16: in-process per image", direct16 / 16);
            context.Report("batch 16: gRPC per image", served[16] / 16);
            context.Ratio("batch 16: gRPC / in-process (per image)", served[16], direct16);
            foreach (var (batch, seconds) in served)
                context.Output.WriteLine($"  {$"gRPC images/s at request size {batch}",-48} {batch / seconds,12:F1} img/s");

            await Load(server, 16, 2000);
            var concurrent = await ConcurrentImagesPerSecond(server.Client, pixels[0], clients: 16, requestsPerClient: 8);
            var stats = await server.Client.GetModelStatsAsync(new GetModelStatsRequest { ModelId = "serving" });
            context.Output.WriteLine($"  {"16 concurrent 1-image clients (batch<=16, 2 ms)",-48} {concurrent,12:F1} img/s  mean batch {stats.MeanBatchSize:F2}");
            context.Output.WriteLine($"  {"peak RSS since last load (GetModelStats)",-48} {stats.PeakHostBytes / 1e6,12:F1} MB");
            context.Output.WriteLine($"  {"peak working set of the process",-48} {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,12:F1} MB");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Task<LoadModelResponse> Load(LoopbackServer<DetectionService.DetectionServiceClient> server, int maxBatch, int delayUs) =>
        server.Client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = "file:serving.onnx",
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
