using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Iad.Client;

/// <summary>Gives unary calls without a deadline the SDK's default, so no call can wait forever on a stuck server.</summary>
internal sealed class DefaultDeadlineInterceptor(TimeSpan deadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(
                context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + deadline));
        }
        return continuation(request, context);
    }
}
