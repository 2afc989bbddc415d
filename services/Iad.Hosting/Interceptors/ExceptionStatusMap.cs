using Grpc.Core;

namespace Iad.Hosting.Interceptors;

/// <summary>
/// Which gRPC status an exception type becomes at the edge. Libraries throw typed exceptions; each host registers
/// the library types it serves. The most derived registered type wins; unregistered exceptions become INTERNAL with
/// a generic message, so no stack trace or internal detail reaches a client.
/// </summary>
public sealed class ExceptionStatusMap
{
    private readonly Dictionary<Type, StatusCode> _codes = new()
    {
        [typeof(ArgumentException)] = StatusCode.InvalidArgument,
        [typeof(FormatException)] = StatusCode.InvalidArgument,
        [typeof(KeyNotFoundException)] = StatusCode.NotFound,
        [typeof(FileNotFoundException)] = StatusCode.NotFound,
        [typeof(DirectoryNotFoundException)] = StatusCode.NotFound,
        [typeof(InvalidOperationException)] = StatusCode.FailedPrecondition,
        [typeof(NotSupportedException)] = StatusCode.Unimplemented,
        [typeof(TimeoutException)] = StatusCode.DeadlineExceeded,
        [typeof(OperationCanceledException)] = StatusCode.Cancelled,
        [typeof(UnauthorizedAccessException)] = StatusCode.PermissionDenied,
    };

    /// <summary>Maps <typeparamref name="TException"/> and its subclasses to <paramref name="code"/>.</summary>
    public ExceptionStatusMap Map<TException>(StatusCode code) where TException : Exception
    {
        _codes[typeof(TException)] = code;
        return this;
    }

    /// <summary>The status for <paramref name="exception"/>: its message for mapped types, a generic text otherwise.</summary>
    public Status ToStatus(Exception exception)
    {
        for (var type = exception.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            if (_codes.TryGetValue(type, out var code)) return new Status(code, exception.Message);
        }
        return new Status(StatusCode.Internal, "internal error; see the service log");
    }
}
