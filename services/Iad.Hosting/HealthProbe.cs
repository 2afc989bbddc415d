using Microsoft.Extensions.Configuration;

namespace Iad.Hosting;

/// <summary>
/// <c>--healthcheck</c>: instead of serving, asks a running instance's <c>/healthz</c> on the configured HTTP port and
/// exits 0 when healthy. Container images use it as their HEALTHCHECK, since they ship no curl.
/// </summary>
public static class HealthProbe
{
    public static bool IsRequested(string[] args) => args.Contains("--healthcheck", StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, int defaultHttpPort)
    {
        var configuration = IadHost.CreateBuilder([.. args.Where(a => a != "--healthcheck")]).Configuration;
        var port = configuration.GetValue("Iad:HttpPort", defaultHttpPort);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/healthz").ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
