using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Iad.Hosting.Interceptors;

/// <summary>
/// Times every call, counts it by status code, logs it at Debug with a structured template, and turns exceptions
/// into gRPC statuses through <see cref="ExceptionStatusMap"/>. Sits inside authentication, so rejected calls are
/// counted by the caller-facing status only.
/// </summary>
public sealed class CallTelemetryInterceptor(ExceptionStatusMap statusMap, ILogger<CallTelemetryInterceptor> logger) : Interceptor
{
    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "iad_grpc_server_call_duration_seconds", "Server-side duration of gRPC calls.",
        new HistogramConfiguration
        {
            LabelNames = ["method", "code"],
            Buckets = Histogram.ExponentialBuckets(0.0001, 2, 20),
        });

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context).ConfigureAwait(false);
            Record(context, start, StatusCode.OK);
            return response;
        }
        catch (Exception exception)
        {
            throw Fail(context, start, exception);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(requestStream, context).ConfigureAwait(false);
            Record(context, start, StatusCode.OK);
            return response;
        }
        catch (Exception exception)
        {
            throw Fail(context, start, exception);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            Record(context, start, StatusCode.OK);
        }
        catch (Exception exception)
        {
            throw Fail(context, start, exception);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            Record(context, start, StatusCode.OK);
        }
        catch (Exception exception)
        {
            throw Fail(context, start, exception);
        }
    }

    private RpcException Fail(ServerCallContext context, long start, Exception exception)
    {
        var rpc = exception as RpcException;
        if (rpc is null)
        {
            // A cancelled call surfaces as OperationCanceledException; report it as the client's cancellation.
            var status = context.CancellationToken.IsCancellationRequested && exception is OperationCanceledException
                ? new Status(StatusCode.Cancelled, "call cancelled")
                : statusMap.ToStatus(exception);
            if (status.StatusCode == StatusCode.Internal)
                logger.LogError(exception, "Unhandled exception in {Method}", context.Method);
            rpc = new RpcException(status);
        }
        Record(context, start, rpc.StatusCode);
        return rpc;
    }

    private void Record(ServerCallContext context, long start, StatusCode code)
    {
        var elapsed = Stopwatch.GetElapsedTime(start);
        Duration.WithLabels(context.Method, code.ToString()).Observe(elapsed.TotalSeconds);
        logger.LogDebug("{Method} finished with {Code} in {ElapsedMs:F2} ms", context.Method, code, elapsed.TotalMilliseconds);
    }
}
