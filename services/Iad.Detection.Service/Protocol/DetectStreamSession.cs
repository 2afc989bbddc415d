using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Detection.Service.Inference;
using Iad.Detection.Service.Scheduling;
using Iad.Hosting.Interceptors;

namespace Iad.Detection.Service.Protocol;

/// <summary>
/// One DetectStream call. The reader starts each element as soon as it arrives and puts its pending response into a
/// bounded channel of <c>maxInFlight</c> entries; a single writer awaits them in request order and writes them. When
/// the channel is full the reader stops reading, so HTTP/2 flow control pushes back on the client. A failed element
/// becomes a <see cref="StreamError"/> and the stream goes on.
/// </summary>
internal sealed class DetectStreamSession(DetectionEngine engine, ExceptionStatusMap statusMap, int maxInFlight, ServerCallContext context)
{
    public async Task RunAsync(IAsyncStreamReader<DetectStreamRequest> requests, IServerStreamWriter<DetectStreamResponse> responses)
    {
        var cancellation = context.CancellationToken;
        var pending = Channel.CreateBounded<Task<DetectStreamResponse>>(new BoundedChannelOptions(maxInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var writer = WriteInOrderAsync(pending.Reader, responses);
        ExceptionDispatchInfo? readFailure = null;
        try
        {
            var deadline = InferenceItem.DeadlineTimestamp(context.Deadline);
            string? modelId = null;
            OutputOptions? output = null;
            await foreach (var request in requests.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                if (request.ModelId.Length > 0) modelId = request.ModelId;
                if (request.Output is not null) output = request.Output;
                var response = modelId is null
                    ? Task.FromResult(Error(request.RequestId, StatusCode.InvalidArgument, "The first stream message must set model_id."))
                    : DetectOneAsync(request, modelId, output, deadline, cancellation);
                await pending.Writer.WriteAsync(response, cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            readFailure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            pending.Writer.TryComplete();
        }
        await writer.ConfigureAwait(false);
        readFailure?.Throw();
    }

    private static async Task WriteInOrderAsync(ChannelReader<Task<DetectStreamResponse>> pending, IServerStreamWriter<DetectStreamResponse> responses)
    {
        await foreach (var next in pending.ReadAllAsync().ConfigureAwait(false))
            await responses.WriteAsync(await next.ConfigureAwait(false)).ConfigureAwait(false);
    }

    private async Task<DetectStreamResponse> DetectOneAsync(
        DetectStreamRequest request, string modelId, OutputOptions? output, long deadline, CancellationToken cancellation)
    {
        try
        {
            var result = await engine.DetectAsync(modelId, [request.Image], output, deadline, cancellation).ConfigureAwait(false);
            return new DetectStreamResponse
            {
                RequestId = request.RequestId,
                Detection = result.Detections[0],
                Provider = WireMapping.ToWire(result.Model.Provider),
                Timing = WireMapping.ToWire(result),
            };
        }
        catch (Exception e)
        {
            var code = engine.StatusOf(e, cancellation);
            var message = e is RpcException rpc ? rpc.Status.Detail : statusMap.ToStatus(e).Detail;
            return Error(request.RequestId, code, code == StatusCode.Cancelled ? "The call was cancelled." : message);
        }
    }

    private static DetectStreamResponse Error(string requestId, StatusCode code, string message) => new()
    {
        RequestId = requestId,
        Error = new StreamError { Code = (int)code, Message = message },
    };
}
