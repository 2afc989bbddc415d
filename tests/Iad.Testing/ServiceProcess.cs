using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Net.Client;

namespace Iad.Testing;

/// <summary>
/// One IAD service host running as a real process on loopback, configured only through the <c>Iad__*</c> environment
/// variables the containers use. Its output is kept for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, int grpcPort, int httpPort, Process process)
    {
        (Name, GrpcPort, HttpPort, _process) = (name, grpcPort, httpPort, process);
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int GrpcPort { get; }

    /// <summary>Port of <c>/metrics</c> and <c>/healthz</c>.</summary>
    public int HttpPort { get; }

    public GrpcChannel Channel { get; }

    /// <summary>The last lines the process printed.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <c>iad-&lt;name&gt;</c> and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string name, int grpcPort, int httpPort, string dataDir, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var binary = Repository.ServiceBinary(name);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(binary)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(binary);
        start.Environment["Iad__BindAddress"] = "127.0.0.1";
        start.Environment["Iad__GrpcPort"] = grpcPort.ToString();
        start.Environment["Iad__HttpPort"] = httpPort.ToString();
        start.Environment["Iad__DataDir"] = dataDir;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var service = new ServiceProcess(name, grpcPort, httpPort, Process.Start(start)!);
        try
        {
            await service.WaitHealthyAsync(timeout);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>The current <c>/metrics</c> text.</summary>
    public Task<string> ScrapeAsync() => Http.GetStringAsync($"http://127.0.0.1:{HttpPort}/metrics");

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"iad-{Name} exited with code {_process.ExitCode} during start-up:\n{Output}");
            try
            {
                using var response = await Http.GetAsync($"http://127.0.0.1:{HttpPort}/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"iad-{Name} did not answer /healthz on port {HttpPort} within {timeout.TotalSeconds:F0} s:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }
}
