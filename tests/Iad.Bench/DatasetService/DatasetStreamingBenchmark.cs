using System.Runtime.InteropServices;
using Grpc.Core;
using Iad.Bench.Support;
using Iad.Contracts.V1;
using Iad.Datasets.Layouts;
using Iad.Datasets.Sandbox;
using Iad.Imaging.Preprocessing;
using Iad.Synthetic;

namespace Iad.Bench.DatasetService;

/// <summary>
/// Streaming throughput of the dataset service: StreamSplit of a 256×256 synthetic train split as decoded FLOAT32 and
/// UINT8 tensors over loopback h2c gRPC (server in this process on a real Kestrel port, client with the SDK's HTTP
/// handler) against decoding the same PNG files in this process, one thread, with
/// <see cref="ImagePreprocessor.LoadTensor"/> into a reused buffer. Both sides end with a float32 CHW tensor in [0, 1]
/// in a reused buffer: the client copies each FLOAT32 payload into it, or converts each UINT8 payload (× 1/255).
/// Reports images/s of each and streamed / local (target at least 0.8).
/// </summary>
public sealed class DatasetStreamingBenchmark : IBenchmark
{
    private const int Images = 240;
    private const int Side = 256;

    public string Name => "dataset-streaming";

    public string Description => "dataset service: StreamSplit FLOAT32/UINT8 256x256 over loopback gRPC vs local LoadTensor decode";

    public void Run(BenchContext context) => RunAsync(context).GetAwaiter().GetResult();

    private static async Task RunAsync(BenchContext context)
    {
        var allowed = Directory.CreateTempSubdirectory("iad-bench-streaming-").FullName;
        try
        {
            var root = Path.Combine(allowed, "synthetic");
            new SyntheticDatasetGenerator(new SyntheticDatasetOptions(Categories: 1, ImageSize: Side, TrainGood: Images, TestGood: 1, TestDefective: 1)).WriteMvTec(root);
            var files = LayoutRegistry.Default.Read(new DatasetRoot(root), "mvtec_ad").Samples
                .Where(s => s.Split == Iad.Datasets.Model.DatasetSplit.Train)
                .Select(s => Path.Combine(root, s.Views[0].ImagePath))
                .ToArray();

            await using var server = await LoopbackDatasetServer.StartAsync(allowed);
            await server.Client.RegisterDatasetAsync(new RegisterDatasetRequest { Name = "bench", Root = root, Layout = DatasetLayout.MvtecAd });
            var spec = new SettingSpec { Dataset = "bench", Input = new InputOptions { ImageSize = Side } };
            var sha = (await server.Client.BuildSettingAsync(new BuildSettingRequest { Spec = spec })).Sha256;

            var geometry = new InputGeometry(Side, Side);
            var tensor = new float[geometry.TensorLength];
            var local = context.MedianSeconds(() =>
            {
                foreach (var file in files) ImagePreprocessor.LoadTensor(File.ReadAllBytes(file), geometry, tensor);
            });
            var float32 = context.MedianSeconds(() => StreamAsync(server, sha, ItemFormat.Float32, tensor).GetAwaiter().GetResult());
            var uint8 = context.MedianSeconds(() => StreamAsync(server, sha, ItemFormat.Uint8, tensor).GetAwaiter().GetResult());

            context.Report($"local LoadTensor, {files.Length} images", local, PerSecond(files.Length, local));
            context.Report($"StreamSplit FLOAT32, {files.Length} images", float32, PerSecond(files.Length, float32));
            context.Report($"StreamSplit UINT8, {files.Length} images", uint8, PerSecond(files.Length, uint8));
            context.Output.WriteLine($"  {"streamed FLOAT32 / local images/s",-48} {local / float32,12:F3} x");
            context.Output.WriteLine($"  {"streamed UINT8 / local images/s",-48} {local / uint8,12:F3} x");
        }
        finally
        {
            Directory.Delete(allowed, recursive: true);
        }
    }

    /// <summary>Streams the whole train split, checks every payload's size and materialises it into <paramref name="tensor"/>.</summary>
    private static async Task StreamAsync(LoopbackServer<Contracts.V1.DatasetService.DatasetServiceClient> server, string sha, ItemFormat format, float[] tensor)
    {
        var expected = tensor.Length * (format == ItemFormat.Float32 ? sizeof(float) : 1);
        var received = 0;
        using var call = server.Client.StreamSplit(new StreamSplitRequest { ManifestSha256 = sha, Split = Split.Train, Format = format });
        var reader = call.ResponseStream;
        while (await reader.MoveNext())
        {
            if (reader.Current.MessageCase != StreamSplitResponse.MessageOneofCase.Item) continue;
            var payload = reader.Current.Item.Image.Tensor.Data.Span;
            if (payload.Length != expected) throw new InvalidOperationException($"payload of {payload.Length} bytes, expected {expected}");
            if (format == ItemFormat.Float32) MemoryMarshal.Cast<byte, float>(payload).CopyTo(tensor);
            else ToUnitFloats(payload, tensor);
            received++;
        }
        if (received != Images) throw new InvalidOperationException($"received {received} images, expected {Images}");
    }

    /// <summary>uint8 CHW → float32 CHW in [0, 1], the scale of <see cref="ImagePreprocessor.LoadTensor"/>.</summary>
    private static void ToUnitFloats(ReadOnlySpan<byte> payload, Span<float> tensor)
    {
        const float scale = 1f / 255f;
        for (var i = 0; i < payload.Length; i++) tensor[i] = payload[i] * scale;
    }

    private static string PerSecond(int images, double seconds) => $"{images / seconds,8:F1} images/s";
}
