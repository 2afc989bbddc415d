using System.Globalization;
using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;

namespace Iad.Detection.Service.Tests;

public sealed class StreamTests : IDisposable
{
    private readonly DetectionHost _host = new();

    public StreamTests() => _host.LoadAsync("streamed.onnx", TestDetectors.Create(), new BatchingOptions { MaxQueueDelayUs = 1000 }).GetAwaiter().GetResult();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task One_hundred_concurrent_streams_complete_in_order_without_errors()
    {
        const int streams = 100;
        const int perStream = 8;
        var reference = Enumerable.Range(0, perStream).Select(i => DirectOrt.Run(TestDetectors.Create(), TestImages.Pixels(i), 1).Scores[0]).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(async s =>
        {
            using var call = _host.Client.DetectStream();
            var reading = Task.Run(async () =>
            {
                var received = new List<DetectStreamResponse>();
                await foreach (var response in call.ResponseStream.ReadAllAsync()) received.Add(response);
                return received;
            });
            for (var i = 0; i < perStream; i++)
            {
                await call.RequestStream.WriteAsync(new DetectStreamRequest
                {
                    RequestId = $"{s}-{i}",
                    ModelId = i == 0 ? "streamed" : "",
                    Image = TestImages.Float32(TestImages.Pixels(i)),
                });
            }
            await call.RequestStream.CompleteAsync();
            return (Stream: s, Responses: await reading);
        }));

        foreach (var (stream, responses) in results)
        {
            Assert.Equal(perStream, responses.Count);
            for (var i = 0; i < perStream; i++)
            {
                Assert.Equal($"{stream}-{i}", responses[i].RequestId);
                Assert.Equal(DetectStreamResponse.OutcomeOneofCase.Detection, responses[i].OutcomeCase);
                Assert.Equal(reference[i], responses[i].Detection.Score);
                Assert.Equal(ExecutionProvider.Cpu, responses[i].Provider);
            }
        }
    }

    [Fact]
    public async Task A_bad_element_gets_a_stream_error_and_the_stream_goes_on()
    {
        using var call = _host.Client.DetectStream();
        await call.RequestStream.WriteAsync(new DetectStreamRequest { RequestId = "no-model", Image = TestImages.Float32(1) });
        await call.RequestStream.WriteAsync(new DetectStreamRequest { RequestId = "ok-1", ModelId = "streamed", Image = TestImages.Float32(1) });
        await call.RequestStream.WriteAsync(new DetectStreamRequest { RequestId = "corrupt", Image = TestImages.Encoded([1, 2, 3, 4]) });
        await call.RequestStream.WriteAsync(new DetectStreamRequest { RequestId = "unknown", ModelId = "nobody", Image = TestImages.Float32(1) });
        await call.RequestStream.WriteAsync(new DetectStreamRequest
        {
            RequestId = "ok-2", ModelId = "streamed", Image = TestImages.Float32(2), Output = new OutputOptions { MapEncoding = MapEncoding.Float16 },
        });
        await call.RequestStream.CompleteAsync();
        var responses = new List<DetectStreamResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync()) responses.Add(response);

        Assert.Equal(["no-model", "ok-1", "corrupt", "unknown", "ok-2"], responses.Select(r => r.RequestId));
        Assert.Equal((int)StatusCode.InvalidArgument, responses[0].Error.Code);
        Assert.Equal(DetectStreamResponse.OutcomeOneofCase.Detection, responses[1].OutcomeCase);
        Assert.Equal((int)StatusCode.InvalidArgument, responses[2].Error.Code);
        Assert.Equal((int)StatusCode.NotFound, responses[3].Error.Code);
        Assert.Equal(DataType.Float16, responses[4].Detection.AnomalyMap.Dtype);
        Assert.True(responses[4].Timing.TotalUs > 0);
    }

    [Fact]
    public async Task More_elements_than_the_in_flight_limit_are_all_answered()
    {
        using var host = new DetectionHost(("Iad:Detection:MaxStreamInFlight", "2"));
        await host.LoadAsync("bounded.onnx", TestDetectors.Create(), new BatchingOptions { MaxQueueDelayUs = 100 });
        using var call = host.Client.DetectStream();
        const int count = 50;
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await call.RequestStream.WriteAsync(new DetectStreamRequest
                {
                    RequestId = i.ToString(CultureInfo.InvariantCulture), ModelId = "bounded", Image = TestImages.Float32(i),
                });
            }
            await call.RequestStream.CompleteAsync();
        });
        var ids = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            Assert.Equal(DetectStreamResponse.OutcomeOneofCase.Detection, response.OutcomeCase);
            ids.Add(response.RequestId);
        }
        await writing;
        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)), ids);
    }
}
