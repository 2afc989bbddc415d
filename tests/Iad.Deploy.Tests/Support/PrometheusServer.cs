using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Iad.Deploy.Tests.Support;

/// <summary>
/// A real Prometheus (the Debian package's binary) on a free loopback port with a throw-away TSDB, running a config
/// derived from deploy/prometheus/prometheus.yml. Killed and its storage deleted on dispose.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string ConfigPath = "deploy/prometheus/prometheus.yml";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;
    private readonly string _root;
    private readonly ConcurrentQueue<string> _output = new();

    private PrometheusServer(Process process, string root, int port)
    {
        (_process, _root, BaseAddress) = (process, root, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseAddress { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>
    /// The deploy config with a 1 s scrape interval and each job's DNS discovery replaced by the loopback HTTP port of
    /// the service its first DNS name names (<c>detection</c> → the detection host's metrics port).
    /// </summary>
    public static string LoopbackConfig(IReadOnlyDictionary<string, int> httpPortByService)
    {
        var document = YamlFiles.Load(ConfigPath).Single();
        var global = document.MapAt("global")!;
        global.Children[new YamlScalarNode("scrape_interval")] = new YamlScalarNode("1s");
        global.Children[new YamlScalarNode("scrape_timeout")] = new YamlScalarNode("1s");
        global.Children[new YamlScalarNode("evaluation_interval")] = new YamlScalarNode("1s");
        foreach (var job in document.SeqAt("scrape_configs").Maps())
        {
            var service = job.SeqAt("dns_sd_configs").Maps().SelectMany(d => d.SeqAt("names").Scalars()).FirstOrDefault()
                ?? throw new InvalidOperationException($"Job {job.ScalarAt("job_name")} has no dns_sd_configs names.");
            if (!httpPortByService.TryGetValue(service, out var port))
                throw new InvalidOperationException($"Job {job.ScalarAt("job_name")} scrapes '{service}', which is not one of {string.Join(", ", httpPortByService.Keys)}.");
            job.Children.Remove(new YamlScalarNode("dns_sd_configs"));
            job.Children[new YamlScalarNode("static_configs")] = new YamlSequenceNode(
                new YamlMappingNode("targets", new YamlSequenceNode(new YamlScalarNode($"127.0.0.1:{port}"))));
        }
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(document)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Starts <paramref name="binary"/> with <paramref name="config"/> and waits for <c>/-/ready</c>.</summary>
    public static async Task<PrometheusServer> StartAsync(string binary, string config, TimeSpan timeout)
    {
        var root = Directory.CreateTempSubdirectory("iad-prometheus-test-").FullName;
        var configFile = Path.Combine(root, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, config);
        var port = FreePorts.Take(1)[0];
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in new[]
                 {
                     $"--config.file={configFile}", $"--storage.tsdb.path={Path.Combine(root, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
                 })
            start.ArgumentList.Add(argument);
        var server = new PrometheusServer(Process.Start(start)!, root, port);
        try
        {
            await server.WaitReadyAsync(timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs an instant query. Returns the result vector, or the error Prometheus gave (a PromQL parse or evaluation error).
    /// </summary>
    public async Task<(JsonElement[] Result, string? Error)> QueryAsync(string promQl)
    {
        using var response = await Http.GetAsync($"{BaseAddress}/api/v1/query?query={Uri.EscapeDataString(promQl)}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        if (root.GetProperty("status").GetString() != "success")
            return ([], $"{(int)response.StatusCode} {root.GetProperty("errorType").GetString()}: {root.GetProperty("error").GetString()}");
        var data = root.GetProperty("data");
        var result = data.GetProperty("resultType").GetString() == "vector"
            ? data.GetProperty("result").EnumerateArray().Select(e => e.Clone()).ToArray()
            : [];
        return (result, null);
    }

    /// <summary>Polls an instant query until <paramref name="accept"/> holds for its result vector; returns that result.</summary>
    public async Task<JsonElement[]> WaitForAsync(string promQl, Func<JsonElement[], bool> accept, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        JsonElement[] last = [];
        string? error = null;
        while (clock.Elapsed < timeout)
        {
            (last, error) = await QueryAsync(promQl);
            if (error is null && accept(last)) return last;
            await Task.Delay(500);
        }
        throw new TimeoutException($"After {timeout.TotalSeconds:F0} s, '{promQl}' gave {(error ?? $"{last.Length} series: " + string.Join("; ", last.Select(e => e.GetRawText())))}.\nPrometheus output:\n{Output}");
    }

    /// <summary>The sample value of one element of an instant-query vector.</summary>
    public static double ValueOf(JsonElement sample) =>
        double.Parse(sample.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static string LabelOf(JsonElement sample, string label) =>
        sample.GetProperty("metric").TryGetProperty(label, out var value) ? value.GetString()! : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode} during start-up:\n{Output}");
            try
            {
                using var response = await Http.GetAsync($"{BaseAddress}/-/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"prometheus was not ready at {BaseAddress} within {timeout.TotalSeconds:F0} s:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 100) _output.TryDequeue(out _);
    }
}
