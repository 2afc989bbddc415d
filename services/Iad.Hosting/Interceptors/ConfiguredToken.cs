using System.Text;
using Microsoft.Extensions.Options;

namespace Iad.Hosting.Interceptors;

/// <summary>The bearer token from configuration or a token file, read once at start-up; null when auth is off.</summary>
public sealed class ConfiguredToken
{
    public ConfiguredToken(IOptions<IadHostingOptions> options)
    {
        var value = options.Value.AuthToken;
        if (string.IsNullOrWhiteSpace(value) && !string.IsNullOrWhiteSpace(options.Value.AuthTokenFile))
        {
            var path = options.Value.AuthTokenFile;
            if (!File.Exists(path)) throw new InvalidOperationException($"auth token file '{path}' does not exist");
            value = File.ReadLines(path).FirstOrDefault();
            if (string.IsNullOrWhiteSpace(value)) throw new InvalidOperationException($"auth token file '{path}' is empty");
        }
        Bytes = string.IsNullOrWhiteSpace(value) ? null : Encoding.UTF8.GetBytes(value.Trim());
    }

    /// <summary>UTF-8 bytes of the token, or null when no token is configured.</summary>
    public byte[]? Bytes { get; }

    public bool Enabled => Bytes is not null;
}
