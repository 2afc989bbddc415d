using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using System.Net.Sockets;
using Iad.Client.Transport;
using Iad.Contracts.V1;

namespace Iad.Client;

/// <summary>
/// Entry point of the SDK: one channel per service with the declared retry policy, a default deadline on unary
/// calls and the bearer token, and the generated typed clients on top.
/// </summary>
public sealed class IadClient : IDisposable
{
    private readonly GrpcChannel[] _channels;

    public IadClient(IadClientOptions options)
    {
        Options = options;
        var dataset = CreateChannel(options.DatasetAddress, options);
        var training = CreateChannel(options.TrainingAddress, options);
        var detection = CreateChannel(options.DetectionAddress, options);
        var metrics = CreateChannel(options.MetricsAddress, options);
        _channels = [dataset, training, detection, metrics];

        Dataset = new DatasetService.DatasetServiceClient(Intercept(dataset, options));
        Training = new TrainingService.TrainingServiceClient(Intercept(training, options));
        Detection = new DetectionService.DetectionServiceClient(Intercept(detection, options));
        Metrics = new MetricsService.MetricsServiceClient(Intercept(metrics, options));
        Services =
        [
            new ServiceEndpoint("dataset", options.DatasetAddress, Intercept(dataset, options)),
            new ServiceEndpoint("training", options.TrainingAddress, Intercept(training, options)),
            new ServiceEndpoint("detection", options.DetectionAddress, Intercept(detection, options)),
            new ServiceEndpoint("metrics", options.MetricsAddress, Intercept(metrics, options)),
        ];
    }

    public IadClientOptions Options { get; }

    public DatasetService.DatasetServiceClient Dataset { get; }

    public TrainingService.TrainingServiceClient Training { get; }

    public DetectionService.DetectionServiceClient Detection { get; }

    public MetricsService.MetricsServiceClient Metrics { get; }

    /// <summary>The four services, in the order dataset, training, detection, metrics.</summary>
    public IReadOnlyList<ServiceEndpoint> Services { get; }

    /// <summary>Health and identity of every service; never throws for an unreachable service.</summary>
    public async Task<IReadOnlyList<ServiceStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var checks = Services.Select(s => s.GetStatusAsync(cancellationToken));
        return await Task.WhenAll(checks).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
    }

    /// <summary>
    /// Initial HTTP/2 receive window of each stream, in bytes (1 MiB): how far a server may stream ahead of the
    /// application reading the call, e.g. one 256×256 float32 tensor (768 KiB) of a <c>StreamSplit</c> and the start of
    /// the next.
    /// </summary>
    /// <remarks>
    /// The transport's default starts at 64 KiB and grows with the measured round-trip time, which on loopback or a
    /// LAN stays so short that the window hardly grows: a large message then crosses in 32 KiB steps, each waiting for
    /// the reader's window update (about five times the socket writes and wake-ups per 768 KiB message). Larger
    /// windows cut no further round trips on loopback but make the client's receive buffer outgrow the shared array
    /// pool (about 0.2 MiB of fresh buffers per 768 KiB message at 4 MiB). The window is a bound, not an allocation:
    /// the client buffers at most this much unread data per stream.
    /// </remarks>
    public const int Http2StreamWindowBytes = 1 << 20;

    /// <summary>
    /// The HTTP handler of every SDK channel, for hosts that build their own <see cref="GrpcChannel"/> to an IAD
    /// service (for example the training service's dataset channel): several HTTP/2 connections when one reaches its
    /// concurrent-stream limit, pooled connections kept while idle, keep-alive pings every 60 s (30 s timeout), a
    /// per-stream receive window of <see cref="Http2StreamWindowBytes"/>, and connections read through a
    /// <see cref="ReadAheadStream"/> (dropped on channels that balance over replicas, which connect themselves).
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        InitialHttp2StreamWindowSize = Http2StreamWindowBytes,
        ConnectCallback = ConnectReadAheadAsync,
    };

    /// <summary>Opens a TCP connection (Nagle off, as the default handler does) read through a <see cref="ReadAheadStream"/>.</summary>
    private static async ValueTask<Stream> ConnectReadAheadAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new ReadAheadStream(new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A channel to one IAD service as the SDK opens them (for hosts that call another service, such as training's
    /// dataset channel): <see cref="CreateHttpHandler"/>, replica balancing for lists and <c>dns:///</c> names, the
    /// retry policy for idempotent calls, message-size limit and token of <paramref name="options"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A replica list mixes http and https, or an entry is not an absolute URI.</exception>
    public static GrpcChannel CreateChannel(string address, IadClientOptions options)
    {
        var channelOptions = new GrpcChannelOptions
        {
            ServiceConfig = options.MaxAttempts > 1 ? RetryPolicies.Create(options.MaxAttempts) : null,
            MaxReceiveMessageSize = options.MaxReceiveMessageBytes,
            // Streams can be long; deadlines, not an HttpClient timeout, bound them.
            HttpHandler = CreateHttpHandler(),
        };
        var (target, secure) = ChannelTargets.Configure(address, channelOptions);
        var transport = secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        if (options.Token is { Length: > 0 } token)
        {
            channelOptions.Credentials = ChannelCredentials.Create(transport, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            }));
            channelOptions.UnsafeUseInsecureChannelCallCredentials = true;
        }
        else if (target.StartsWith("static:", StringComparison.Ordinal) || target.StartsWith("dns:", StringComparison.OrdinalIgnoreCase))
        {
            // Resolver targets carry no scheme to infer TLS from.
            channelOptions.Credentials = transport;
        }
        return GrpcChannel.ForAddress(target, channelOptions);
    }

    private static CallInvoker Intercept(GrpcChannel channel, IadClientOptions options) =>
        channel.Intercept(new DefaultDeadlineInterceptor(options.DefaultDeadline));
}

/// <summary>One service's address and call invoker, for calls every service answers (health, info).</summary>
public sealed class ServiceEndpoint(string name, string address, CallInvoker invoker)
{
    public string Name { get; } = name;

    public string Address { get; } = address;

    public Health.HealthClient Health { get; } = new(invoker);

    public ServiceInfoService.ServiceInfoServiceClient Info { get; } = new(invoker);

    /// <summary>Health status and service info; an unreachable service yields a status with the error text.</summary>
    public async Task<ServiceStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var health = await Health.CheckAsync(new HealthCheckRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            var info = await Info.GetServiceInfoAsync(new GetServiceInfoRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ServiceStatus(Name, Address, health.Status.ToString(), info, null);
        }
        catch (RpcException exception)
        {
            return new ServiceStatus(Name, Address, "UNREACHABLE", null, $"{exception.StatusCode}: {exception.Status.Detail}");
        }
    }
}

/// <summary>What <see cref="ServiceEndpoint.GetStatusAsync"/> found.</summary>
public sealed record ServiceStatus(string Name, string Address, string Health, GetServiceInfoResponse? Info, string? Error)
{
    public bool IsServing => Health == nameof(HealthCheckResponse.Types.ServingStatus.Serving);
}
