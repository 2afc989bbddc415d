using System.Net;
using System.Security.Cryptography.X509Certificates;
using Iad.Hosting.Interceptors;
using Iad.Hosting.ServiceInfo;
using Iad.Hosting.Transport;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Grpc.AspNetCore.Server;
using Prometheus;

namespace Iad.Hosting;

/// <summary>The two calls that give every IAD host the same defaults.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>HTTP/2 receive window of one gRPC stream, bytes (4 MiB).</summary>
    public const int Http2StreamWindowBytes = 4 << 20;

    /// <summary>HTTP/2 receive window of one connection, bytes (16 MiB): the most unread request data a connection can hold.</summary>
    public const int Http2ConnectionWindowBytes = 16 << 20;

    /// <summary>
    /// Registers gRPC (message-size limit, interceptors for auth, telemetry and exception mapping), grpc.health.v1,
    /// reflection, the ServiceInfo service, Kestrel endpoints (gRPC h2c + HTTP/1.1 for metrics and health, loopback
    /// unless configured, connection buffers from a <see cref="LargeBlockMemoryPool"/>), and graceful shutdown.
    /// </summary>
    /// <param name="builder">The host builder from <see cref="IadHost.CreateBuilder"/>.</param>
    /// <param name="serviceName">Short service name, e.g. "dataset".</param>
    /// <param name="defaultGrpcPort">gRPC port when none is configured.</param>
    /// <param name="defaultHttpPort">Metrics/health port when none is configured.</param>
    /// <param name="capabilities">Capabilities advertised by GetServiceInfo.</param>
    public static WebApplicationBuilder AddIadServiceDefaults(
        this WebApplicationBuilder builder, string serviceName, int defaultGrpcPort, int defaultHttpPort,
        params string[] capabilities)
    {
        builder.Services.AddOptions<IadHostingOptions>()
            .Configure(o => (o.GrpcPort, o.HttpPort) = (defaultGrpcPort, defaultHttpPort))
            .Bind(builder.Configuration.GetSection(IadHostingOptions.SectionName))
            .PostConfigure(o => o.DataDir = PrepareDataDir(o.DataDir, serviceName));
        // Options are read when the server starts, not here, so settings added by test hosts apply too.
        builder.Services.AddOptions<GrpcServiceOptions>().Configure<IOptions<IadHostingOptions>>((grpc, iad) =>
        {
            grpc.MaxReceiveMessageSize = iad.Value.MaxMessageBytes;
            grpc.MaxSendMessageSize = iad.Value.MaxMessageBytes;
        });
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<IadHostingOptions>>((kestrel, iad) => ConfigureEndpoints(kestrel, iad.Value));
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<IadHostingOptions>>((host, iad) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(iad.Value.ShutdownTimeoutSeconds));

        builder.Services.Replace(ServiceDescriptor.Singleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>());
        builder.Services.AddSingleton(new ServiceIdentity(serviceName, capabilities));
        builder.Services.AddSingleton<ConfiguredToken>();
        builder.Services.AddSingleton<ExceptionStatusMap>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<BearerTokenInterceptor>();
            grpc.Interceptors.Add<CallTelemetryInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        return builder;
    }

    /// <summary>Maps the shared endpoints: health (gRPC and <c>/healthz</c>), reflection, ServiceInfo and <c>/metrics</c>.</summary>
    public static WebApplication MapIadDefaults(this WebApplication app)
    {
        // Fail at start-up, not on the first call, when the token file is missing.
        _ = app.Services.GetRequiredService<ConfiguredToken>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapGrpcService<ServiceInfoGrpcService>();
        app.MapHealthChecks("/healthz");
        app.MapMetrics("/metrics");

        var identity = app.Services.GetRequiredService<ServiceIdentity>();
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("iad {Service} service listening on {Addresses}", identity.Name, string.Join(", ", app.Urls)));
        return app;
    }

    private static void ConfigureEndpoints(KestrelServerOptions kestrel, IadHostingOptions options)
    {
        var address = IPAddress.Parse(options.BindAddress);
        kestrel.Limits.MaxRequestBodySize = options.MaxMessageBytes;
        // Kestrel's defaults (768 KiB per stream, 1 MiB per connection) make a client stop every ~768 KiB of a large
        // request (a batch of 16 uint8 256x256 images is 3 MiB) until the server's WINDOW_UPDATE comes back. With these
        // windows such requests flow without a stall. Memory stays bounded: a connection buffers at most its window,
        // 16 MiB of unread request data, however many streams it carries; one stream at most 4 MiB.
        kestrel.Limits.Http2.InitialStreamWindowSize = Http2StreamWindowBytes;
        kestrel.Limits.Http2.InitialConnectionWindowSize = Http2ConnectionWindowBytes;
        kestrel.Listen(address, options.GrpcPort, listen =>
        {
            if (string.IsNullOrWhiteSpace(options.TlsCertificatePath))
            {
                // Cleartext must be HTTP/2 only: Http1AndHttp2 without TLS silently falls back to HTTP/1.1.
                listen.Protocols = HttpProtocols.Http2;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(LoadCertificate(options));
            }
        });
        kestrel.Listen(address, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
    }

    private static string PrepareDataDir(string? configured, string serviceName)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "iad", serviceName)
            : configured);
        Directory.CreateDirectory(path);
        return path;
    }

    private static X509Certificate2 LoadCertificate(IadHostingOptions options)
    {
        var path = options.TlsCertificatePath!;
        if (!File.Exists(path)) throw new InvalidOperationException($"TLS certificate '{path}' does not exist");
        return string.IsNullOrWhiteSpace(options.TlsKeyPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, options.TlsCertificatePassword)
            : X509Certificate2.CreateFromPemFile(path, options.TlsKeyPath);
    }
}
