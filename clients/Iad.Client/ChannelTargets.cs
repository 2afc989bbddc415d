using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iad.Client;

/// <summary>
/// Client-side load balancing over service replicas. An address option may name several replicas separated by commas
/// (<c>http://a:7103,http://b:7103</c>: a static list) or one <c>dns:///host:port</c> name (every A record, re-resolved,
/// as a Kubernetes headless Service gives); both balance calls round-robin. A single http(s) address is used as is.
/// Configure after setting <see cref="GrpcChannelOptions.HttpHandler"/>: balancing adjusts it.
/// </summary>
internal static class ChannelTargets
{
    /// <summary>Adjusts <paramref name="options"/> for <paramref name="address"/> and returns the channel target and whether it uses TLS.</summary>
    /// <exception cref="ArgumentException">A replica list mixes http and https, or an entry is not an absolute URI.</exception>
    public static (string Target, bool Secure) Configure(string address, GrpcChannelOptions options)
    {
        var entries = address.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 1 && !entries[0].StartsWith("dns:", StringComparison.OrdinalIgnoreCase))
            return (entries[0], entries[0].StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        RoundRobin(options);
        if (entries.Length == 1) return (entries[0], false);

        var uris = entries.Select(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"Replica address '{e}' is not an absolute URI.")).ToArray();
        var secure = uris[0].Scheme == Uri.UriSchemeHttps;
        if (uris.Any(u => u.Scheme != uris[0].Scheme)) throw new ArgumentException($"Replica addresses '{address}' mix http and https.");
        var services = new ServiceCollection();
        services.AddSingleton<ResolverFactory>(new StaticResolverFactory(_ => [.. uris.Select(u => new BalancerAddress(u.Host, u.Port))]));
        options.ServiceProvider = services.BuildServiceProvider();
        return ("static:///replicas", secure);
    }

    private static void RoundRobin(GrpcChannelOptions options)
    {
        // Balancing connects the subchannels itself and refuses a handler with its own connect callback: a balanced
        // channel reads its connections without the read-ahead buffer.
        if (options.HttpHandler is SocketsHttpHandler sockets) sockets.ConnectCallback = null;
        options.ServiceConfig ??= new ServiceConfig();
        options.ServiceConfig.LoadBalancingConfigs.Add(new RoundRobinConfig());
    }
}
