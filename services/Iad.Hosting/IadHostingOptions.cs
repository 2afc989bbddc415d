namespace Iad.Hosting;

/// <summary>
/// Settings every service host shares, bound from the <c>Iad</c> configuration section
/// (appsettings.json, environment variables such as <c>Iad__GrpcPort</c>, command line <c>--grpc-port</c>).
/// </summary>
public sealed class IadHostingOptions
{
    public const string SectionName = "Iad";

    /// <summary>Port of the gRPC endpoint (h2c, or HTTP/2 over TLS when a certificate is configured). 0 picks a free port.</summary>
    public int GrpcPort { get; set; }

    /// <summary>Port of the HTTP/1.1 endpoint serving <c>/metrics</c> and <c>/healthz</c>. 0 picks a free port.</summary>
    public int HttpPort { get; set; }

    /// <summary>Directory for the service's persistent state (registry, results store, caches). Created on start.</summary>
    public string? DataDir { get; set; }

    /// <summary>Address both endpoints bind to. Loopback unless deliberately opened, e.g. <c>0.0.0.0</c> in a container.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Largest gRPC message accepted or sent, in bytes. Larger messages fail with RESOURCE_EXHAUSTED. Default 64 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>PFX or PEM certificate for TLS on the gRPC endpoint; absent means cleartext h2c.</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>Private-key file for a PEM certificate, or null for PFX.</summary>
    public string? TlsKeyPath { get; set; }

    /// <summary>Password of a PFX certificate.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>Bearer token every gRPC call must carry (except health checks). Absent means no authentication.</summary>
    public string? AuthToken { get; set; }

    /// <summary>File holding the bearer token (first line), for secrets mounted as files. Used when <see cref="AuthToken"/> is empty.</summary>
    public string? AuthTokenFile { get; set; }

    /// <summary>
    /// Whether socket completions run inline on the socket engine thread (one thread hop fewer per receive; see
    /// <see cref="Transport.SocketCompletions"/>). On by default; an explicit
    /// <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> in the environment wins. Applies to the whole process.
    /// </summary>
    public bool InlineSocketCompletions { get; set; } = true;

    /// <summary>How long shutdown waits for in-flight calls to finish, seconds.</summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
