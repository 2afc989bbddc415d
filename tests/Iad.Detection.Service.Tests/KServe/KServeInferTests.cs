using System.Runtime.InteropServices;
using Google.Protobuf;
using Iad.Contracts.KServe.V2;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;
using InputTensor = Iad.Contracts.KServe.V2.ModelInferRequest.Types.InferInputTensor;
using RequestedOutput = Iad.Contracts.KServe.V2.ModelInferRequest.Types.InferRequestedOutputTensor;

namespace Iad.Detection.Service.Tests.KServe;

public sealed class KServeInferTests : IDisposable
{
    private const int S = TestDetectors.Size;
    private const int Plane = S * S;
    private readonly DetectionHost _host = new();
    private readonly LoadedModel _loaded;

    public KServeInferTests() => _loaded = _host.LoadAsync("kmodel.onnx", TestDetectors.Create(offset: 0.25f)).GetAwaiter().GetResult();

    public void Dispose() => _host.Dispose();

    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(_host.Channel);

    [Fact]
    public async Task Typed_fp32_contents_give_the_scores_and_maps_of_detect()
    {
        float[][] images = [TestImages.Pixels(11), TestImages.Pixels(12)];
        var input = new InputTensor { Name = "image", Datatype = "FP32", Shape = { 2, 3, S, S }, Contents = new InferTensorContents() };
        foreach (var image in images) input.Contents.Fp32Contents.Add(image);
        var request = new ModelInferRequest { ModelName = "kmodel", Id = "req-7", Inputs = { input } };

        var response = await Client.ModelInferAsync(request);
        var detect = await _host.Client.DetectAsync(new DetectRequest
        {
            ModelId = "kmodel",
            Images = { TestImages.Float32(images[0]), TestImages.Float32(images[1]) },
            Output = new OutputOptions { MapEncoding = MapEncoding.Float32 },
        });

        Assert.Equal("kmodel", response.ModelName);
        Assert.Equal(_loaded.ModelId, $"{response.ModelName}@{response.ModelVersion}");
        Assert.Equal("req-7", response.Id);
        Assert.Equal(["score", "anomaly_map"], response.Outputs.Select(o => o.Name));
        Assert.All(response.Outputs, o => Assert.Equal("FP32", o.Datatype));
        Assert.Equal(new long[] { 2 }, response.Outputs[0].Shape);
        Assert.Equal(new long[] { 2, 1, S, S }, response.Outputs[1].Shape);
        Assert.Equal(detect.Detections.Select(d => d.Score), Floats(response.RawOutputContents[0]));
        var maps = Floats(response.RawOutputContents[1]);
        for (var n = 0; n < 2; n++)
            Assert.Equal(Floats(detect.Detections[n].AnomalyMap.Data), maps.AsSpan(n * Plane, Plane).ToArray());
    }

    [Fact]
    public async Task Raw_uint8_contents_give_the_score_of_detect_on_the_same_uint8_tensor()
    {
        var bytes = new byte[3 * Plane];
        new Random(5).NextBytes(bytes);
        var response = await Client.ModelInferAsync(new ModelInferRequest
        {
            ModelName = "kmodel",
            Inputs = { new InputTensor { Name = "image", Datatype = "UINT8", Shape = { 1, 3, S, S } } },
            RawInputContents = { ByteString.CopyFrom(bytes) },
        });
        var detect = await _host.Client.DetectAsync(new DetectRequest { ModelId = "kmodel", Images = { TestImages.Uint8(bytes) } });
        Assert.Equal(detect.Detections[0].Score, Floats(response.RawOutputContents[0])[0]);
    }

    [Fact]
    public async Task Raw_fp32_and_typed_uint8_contents_agree_with_detect()
    {
        var pixels = TestImages.Pixels(21);
        var raw = await Client.ModelInferAsync(new ModelInferRequest
        {
            ModelName = "kmodel",
            ModelVersion = _loaded.ModelId.Split('@')[1],
            Inputs = { new InputTensor { Name = "image", Datatype = "FP32", Shape = { 1, 3, S, S } } },
            RawInputContents = { ByteString.CopyFrom(MemoryMarshal.AsBytes(pixels.AsSpan())) },
            Outputs = { new RequestedOutput { Name = "score" } },
        });
        var detect = await _host.Client.DetectAsync(new DetectRequest { ModelId = "kmodel", Images = { TestImages.Float32(pixels) } });
        Assert.Equal(detect.Detections[0].Score, Floats(raw.RawOutputContents[0])[0]);

        var codes = new byte[3 * Plane];
        new Random(8).NextBytes(codes);
        var typed = new InputTensor { Name = "image", Datatype = "UINT8", Shape = { 1, 3, S, S }, Contents = new InferTensorContents() };
        foreach (var code in codes) typed.Contents.UintContents.Add(code);
        var typedResponse = await Client.ModelInferAsync(new ModelInferRequest { ModelName = "kmodel", Inputs = { typed } });
        var detectUint8 = await _host.Client.DetectAsync(new DetectRequest { ModelId = "kmodel", Images = { TestImages.Uint8(codes) } });
        Assert.Equal(detectUint8.Detections[0].Score, Floats(typedResponse.RawOutputContents[0])[0]);
    }

    [Fact]
    public async Task Requested_outputs_are_returned_alone_and_in_the_order_asked()
    {
        var scoreOnly = await Client.ModelInferAsync(Uint8Request(outputs: ["score"]));
        Assert.Equal(["score"], scoreOnly.Outputs.Select(o => o.Name));
        Assert.Single(scoreOnly.RawOutputContents);
        Assert.Equal(sizeof(float), scoreOnly.RawOutputContents[0].Length);

        var reversed = await Client.ModelInferAsync(Uint8Request(outputs: ["anomaly_map", "score"]));
        Assert.Equal(["anomaly_map", "score"], reversed.Outputs.Select(o => o.Name));
        Assert.Equal(Plane * sizeof(float), reversed.RawOutputContents[0].Length);
        Assert.Equal(sizeof(float), reversed.RawOutputContents[1].Length);
    }

    [Fact]
    public async Task Inference_goes_through_the_models_batcher_and_statistics()
    {
        await Client.ModelInferAsync(Uint8Request(outputs: ["score"]));
        var stats = await _host.Client.GetModelStatsAsync(new GetModelStatsRequest { ModelId = "kmodel" });
        Assert.Equal(1, stats.Images);
    }

    internal static ModelInferRequest Uint8Request(string model = "kmodel", string[]? outputs = null, int batch = 1)
    {
        var bytes = new byte[batch * 3 * Plane];
        new Random(1).NextBytes(bytes);
        var request = new ModelInferRequest
        {
            ModelName = model,
            Inputs = { new InputTensor { Name = "image", Datatype = "UINT8", Shape = { batch, 3, S, S } } },
            RawInputContents = { ByteString.CopyFrom(bytes) },
        };
        foreach (var name in outputs ?? []) request.Outputs.Add(new RequestedOutput { Name = name });
        return request;
    }

    private static float[] Floats(ByteString bytes) => MemoryMarshal.Cast<byte, float>(bytes.Span).ToArray();
}
