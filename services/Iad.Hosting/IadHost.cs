using Iad.Hosting.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Iad.Hosting;

/// <summary>Creates a web application builder that understands the shared command-line switches.</summary>
public static class IadHost
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--grpc-port"] = "Iad:GrpcPort",
        ["--http-port"] = "Iad:HttpPort",
        ["--data-dir"] = "Iad:DataDir",
        ["--bind"] = "Iad:BindAddress",
        ["--auth-token-file"] = "Iad:AuthTokenFile",
        ["--tls-cert"] = "Iad:TlsCertificatePath",
        ["--tls-key"] = "Iad:TlsKeyPath",
    };

    /// <summary>
    /// <see cref="WebApplication.CreateBuilder(string[])"/> plus the switches <c>--grpc-port</c>, <c>--http-port</c>,
    /// <c>--data-dir</c>, <c>--bind</c>, <c>--auth-token-file</c>, <c>--tls-cert</c> and <c>--tls-key</c>, which override
    /// appsettings and environment. Also settles <see cref="IadHostingOptions.InlineSocketCompletions"/>, which must be
    /// decided before the process's first asynchronous socket call.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        SocketCompletions.Apply(builder.Configuration.GetValue(
            $"{IadHostingOptions.SectionName}:{nameof(IadHostingOptions.InlineSocketCompletions)}", true));
        return builder;
    }
}
