using System.Runtime.InteropServices;
using Google.Protobuf;
using Grpc.Core;
using Iad.Contracts.KServe.V2;
using Iad.Detection.Service.Tests.Support;
using InputTensor = Iad.Contracts.KServe.V2.ModelInferRequest.Types.InferInputTensor;
using RequestedOutput = Iad.Contracts.KServe.V2.ModelInferRequest.Types.InferRequestedOutputTensor;

namespace Iad.Detection.Service.Tests.KServe;

public sealed class KServeErrorTests : IDisposable
{
    private const int S = TestDetectors.Size;
    private readonly DetectionHost _host = new();

    public KServeErrorTests() => _host.LoadAsync("kmodel.onnx", TestDetectors.Create()).GetAwaiter().GetResult();

    public void Dispose() => _host.Dispose();

    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(_host.Channel);

    public static TheoryData<string, string> InvalidRequests => new()
    {
        { "no input", "0 inputs" },
        { "two inputs", "2 inputs" },
        { "wrong input name", "'pixels' is unknown" },
        { "fp16 datatype", "'FP16'" },
        { "rank 3 shape", "[3,32,32]" },
        { "wrong side", "[-1,3,32,32]" },
        { "four channels", "[1,4,32,32]" },
        { "batch 65", "[65,3,32,32]" },
        { "short raw bytes", "needs 3072" },
        { "two raw entries", "2 entries" },
        { "raw and typed", "one or the other" },
        { "typed count", "needs 3072" },
        { "uint8 code 256", "256" },
        { "nan", "NaN" },
        { "above one", "1.5" },
        { "unknown output", "'mask' is unknown" },
        { "output twice", "twice" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Malformed_requests_fail_with_invalid_argument_and_a_clear_message(string kind, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(Make(kind)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
        Assert.DoesNotContain("   at ", error.Status.Detail);
        var ok = await Client.ModelInferAsync(KServeInferTests.Uint8Request(outputs: ["score"]));
        Assert.Single(ok.RawOutputContents);
    }

    [Fact]
    public async Task Unknown_models_and_versions_are_not_found()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(KServeInferTests.Uint8Request(model: "absent")).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var request = KServeInferTests.Uint8Request();
        request.ModelVersion = "000000000000";
        var version = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, version.StatusCode);
    }

    private static ModelInferRequest Make(string kind)
    {
        var request = KServeInferTests.Uint8Request();
        var input = request.Inputs[0];
        switch (kind)
        {
            case "no input":
                request.Inputs.Clear();
                break;
            case "two inputs":
                request.Inputs.Add(input.Clone());
                break;
            case "wrong input name":
                input.Name = "pixels";
                break;
            case "fp16 datatype":
                input.Datatype = "FP16";
                break;
            case "rank 3 shape":
                Reshape(input, 3, S, S);
                break;
            case "wrong side":
                Reshape(input, 1, 3, S / 2, S * 2);
                break;
            case "four channels":
                Reshape(input, 1, 4, S, S);
                break;
            case "batch 65":
                Reshape(input, 65, 3, S, S);
                break;
            case "short raw bytes":
                request.RawInputContents[0] = ByteString.CopyFrom(new byte[3 * S * S - 1]);
                break;
            case "two raw entries":
                request.RawInputContents.Add(request.RawInputContents[0]);
                break;
            case "raw and typed":
                input.Contents = new InferTensorContents { UintContents = { 1u } };
                break;
            case "typed count":
                request.RawInputContents.Clear();
                input.Contents = new InferTensorContents { UintContents = { 1u, 2u } };
                break;
            case "uint8 code 256":
                request.RawInputContents.Clear();
                input.Contents = new InferTensorContents();
                input.Contents.UintContents.Add(Enumerable.Repeat(7u, 3 * S * S));
                input.Contents.UintContents[100] = 256;
                break;
            case "nan":
                Fp32(request, input, float.NaN);
                break;
            case "above one":
                Fp32(request, input, 1.5f);
                break;
            case "unknown output":
                request.Outputs.Add(new RequestedOutput { Name = "mask" });
                break;
            case "output twice":
                request.Outputs.Add(new RequestedOutput { Name = "score" });
                request.Outputs.Add(new RequestedOutput { Name = "score" });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        return request;
    }

    private static void Reshape(InputTensor input, params long[] shape)
    {
        input.Shape.Clear();
        input.Shape.Add(shape);
    }

    private static void Fp32(ModelInferRequest request, InputTensor input, float bad)
    {
        var values = TestImages.Pixels(3);
        values[40] = bad;
        input.Datatype = "FP32";
        request.RawInputContents[0] = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
