using Google.Protobuf;
using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;
using Tensor = Iad.Contracts.V1.Tensor;

namespace Iad.Detection.Service.Tests;

public sealed class BadInputTests : IDisposable
{
    private const int S = TestDetectors.Size;
    private readonly DetectionHost _host = new(("Iad:Detection:MaxDecodedPixels", "4096"));

    public BadInputTests() => _host.LoadAsync("strict.onnx", TestDetectors.Create()).GetAwaiter().GetResult();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string> InvalidImages => new()
    {
        "empty image", "empty bytes", "corrupt bytes", "truncated png", "zero-sized shape", "absurd shape", "four channels",
        "wrong side", "rank 4", "short data", "long data", "nan", "infinity", "above one", "negative", "float16 dtype", "unspecified dtype",
    };

    [Theory]
    [MemberData(nameof(InvalidImages))]
    public async Task Invalid_images_fail_with_invalid_argument_and_the_service_keeps_serving(string kind)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.DetectAsync(new DetectRequest { ModelId = "strict", Images = { TestImages.Float32(1), Make(kind) } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        Assert.DoesNotContain("   at ", error.Status.Detail);
        await AssertStillServing();
    }

    [Fact]
    public async Task Images_over_the_pixel_limit_fail_with_resource_exhausted_before_decoding()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.DetectAsync(new DetectRequest
        {
            ModelId = "strict",
            Images = { TestImages.Png(TestImages.Rgb(1, 100, 100)) },
        }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("10000", error.Status.Detail);
        await AssertStillServing();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public async Task Image_counts_outside_1_to_64_are_invalid(int count)
    {
        var request = new DetectRequest { ModelId = "strict" };
        for (var i = 0; i < count; i++) request.Images.Add(TestImages.Float32(i));
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.DetectAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Theory]
    [InlineData(-1, false, null)]
    [InlineData(S + 1, false, null)]
    [InlineData(0, true, null)]
    [InlineData(0, true, double.NaN)]
    public async Task Impossible_output_options_are_invalid(int mapSize, bool mask, double? threshold)
    {
        var output = new OutputOptions { MapEncoding = MapEncoding.Float32, MapSize = mapSize, IncludeMask = mask };
        if (threshold is { } t) output.Threshold = t;
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.DetectAsync(new DetectRequest
        {
            ModelId = "strict", Images = { TestImages.Float32(1) }, Output = output,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Unknown_models_fail_with_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.DetectAsync(new DetectRequest { ModelId = "nobody", Images = { TestImages.Float32(1) } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var stats = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.GetModelStatsAsync(new GetModelStatsRequest { ModelId = "nobody" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, stats.StatusCode);
    }

    private async Task AssertStillServing()
    {
        var response = await _host.Client.DetectAsync(new DetectRequest { ModelId = "strict", Images = { TestImages.Float32(2) } });
        Assert.Single(response.Detections);
    }

    private static Image Make(string kind)
    {
        var good = TestImages.Float32(5).Tensor;
        var png = TestImages.Png(TestImages.Rgb(3, S, S)).Encoded.Data.ToByteArray();
        return kind switch
        {
            "empty image" => new Image(),
            "empty bytes" => TestImages.Encoded([]),
            "corrupt bytes" => TestImages.Encoded([.. png.Take(33), .. Enumerable.Repeat((byte)0xAB, 200)]),
            "truncated png" => TestImages.Encoded(png[..(png.Length / 2)]),
            "zero-sized shape" => Tensor(DataType.Float32, [3, 0, 0], ByteString.Empty),
            "absurd shape" => Tensor(DataType.Float32, [3, 1_000_000_000, 1_000_000_000], good.Data),
            "four channels" => Tensor(DataType.Float32, [4, S, S], ByteString.CopyFrom(new byte[4 * S * S * 4])),
            "wrong side" => Tensor(DataType.Float32, [3, S * 2, S * 2], ByteString.CopyFrom(new byte[3 * 4 * S * S * 4])),
            "rank 4" => Tensor(DataType.Float32, [1, 3, S, S], good.Data),
            "short data" => Tensor(DataType.Float32, [3, S, S], ByteString.CopyFrom(good.Data.Span[..^4])),
            "long data" => Tensor(DataType.Float32, [3, S, S], ByteString.CopyFrom([.. good.Data.ToByteArray(), 0, 0, 0, 0])),
            "nan" => WithValue(good, float.NaN),
            "infinity" => WithValue(good, float.PositiveInfinity),
            "above one" => WithValue(good, 255f),
            "negative" => WithValue(good, -0.5f),
            "float16 dtype" => Tensor(DataType.Float16, [3, S, S], ByteString.CopyFrom(new byte[3 * S * S * 2])),
            "unspecified dtype" => Tensor(DataType.Unspecified, [3, S, S], good.Data),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static Image Tensor(DataType dtype, long[] shape, ByteString data) => new()
    {
        Tensor = new Tensor { Dtype = dtype, Shape = { shape }, Data = data },
    };

    private static Image WithValue(Tensor good, float value)
    {
        var bytes = good.Data.ToByteArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(4 * 777), value);
        return Tensor(DataType.Float32, [3, S, S], ByteString.CopyFrom(bytes));
    }
}
