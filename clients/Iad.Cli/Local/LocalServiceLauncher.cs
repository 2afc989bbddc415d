using System.Diagnostics;
using Iad.Client;

namespace Iad.Cli.Local;

/// <summary>
/// Starts the four service hosts as background processes on free loopback ports (each in its own session, so they
/// outlive the command that started them), records them in the state file, and stops them again.
/// </summary>
public sealed class LocalServiceLauncher(string home, TextWriter log)
{
    public string StatePath => Path.Combine(home, "services.json");

    /// <summary>The recorded services when every one of them is still running, else null.</summary>
    public LocalServicesState? Running() =>
        LocalServicesState.TryLoad(StatePath) is { } state && state.Services.All(s => ProcessControl.IsService(s.ProcessId, s.Name)) ? state : null;

    /// <summary>
    /// Starts every service and returns the state once written; does not wait for health.
    /// <paramref name="allowedDatasetRoots"/> are the folders the dataset service may register datasets from.
    /// </summary>
    public LocalServicesState Start(IReadOnlyList<string> allowedDatasetRoots)
    {
        var ports = FreePorts.Take(ServiceBinaries.ServiceNames.Length * 2);
        var logDirectory = Path.Combine(home, "logs");
        Directory.CreateDirectory(logDirectory);
        var services = new List<LocalService>();
        // The services find each other on loopback: training reads data from dataset, detection pulls models from training.
        string GrpcAddress(string service) => $"http://127.0.0.1:{ports[2 * Array.IndexOf(ServiceBinaries.ServiceNames, service)]}";
        try
        {
            for (var i = 0; i < ServiceBinaries.ServiceNames.Length; i++)
            {
                var name = ServiceBinaries.ServiceNames[i];
                var service = new LocalService(name, 0, ports[2 * i], ports[2 * i + 1],
                    Path.Combine(home, "data", name), Path.Combine(logDirectory, $"{name}.log"));
                IEnumerable<string> extra = name switch
                {
                    "dataset" => allowedDatasetRoots.SelectMany((root, index) => new[] { $"--Iad:Dataset:AllowedRoots:{index}", Path.GetFullPath(root) }),
                    "training" => ["--Iad:Training:DatasetAddress", GrpcAddress("dataset")],
                    "detection" => ["--Iad:Detection:TrainingAddress", GrpcAddress("training")],
                    _ => [],
                };
                services.Add(service with { ProcessId = Launch(service, extra) });
            }
        }
        catch
        {
            StopAsync(new LocalServicesState(services)).GetAwaiter().GetResult();
            throw;
        }
        var state = new LocalServicesState(services);
        state.Save(StatePath);
        return state;
    }

    /// <summary>Polls health until every service is SERVING; fails early when a process exits.</summary>
    public async Task WaitHealthyAsync(LocalServicesState state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = IadClientOptions.FromLocalServices(state);
        options.DefaultDeadline = TimeSpan.FromSeconds(2);
        options.MaxAttempts = 1;
        using var client = new IadClient(options);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            foreach (var service in state.Services)
            {
                if (!ProcessControl.IsService(service.ProcessId, service.Name))
                    throw new InvalidOperationException($"the {service.Name} service exited during start-up; last log lines:{Environment.NewLine}{Tail(service.LogFile)}");
            }
            var statuses = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            if (statuses.All(s => s.IsServing)) return;
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"services not healthy after {timeout.TotalSeconds:F0} s: {string.Join(", ", statuses.Where(s => !s.IsServing).Select(s => s.Name))}");
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the services of <paramref name="state"/> gracefully and removes the state file.</summary>
    public async Task StopAsync(LocalServicesState state)
    {
        await Task.WhenAll(state.Services.Select(s => ProcessControl.StopAsync(s.ProcessId, s.Name, TimeSpan.FromSeconds(20)))).ConfigureAwait(false);
        if (File.Exists(StatePath)) File.Delete(StatePath);
    }

    private int Launch(LocalService service, IEnumerable<string> extraArguments)
    {
        var binary = ServiceBinaries.Locate(service.Name);
        Directory.CreateDirectory(service.DataDir);
        // setsid puts the host in a new session so a terminal hang-up or Ctrl-C aimed at the CLI does not reach it;
        // the shell only redirects output to the log and then becomes the host process (exec keeps the pid).
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = Path.GetDirectoryName(binary)!,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-c", "exec setsid \"$0\" \"$@\" >>\"$IAD_LOG_FILE\" 2>&1", "dotnet", binary,
                     "--grpc-port", service.GrpcPort.ToString(), "--http-port", service.HttpPort.ToString(),
                     "--data-dir", service.DataDir,
                 }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["IAD_LOG_FILE"] = service.LogFile;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        log.WriteLine($"started {service.Name} (pid {process.Id}) on {service.GrpcAddress}, metrics {service.MetricsUrl}");
        return process.Id;
    }

    private static string Tail(string path, int lines = 20) =>
        File.Exists(path) ? string.Join(Environment.NewLine, File.ReadLines(path).TakeLast(lines)) : "(no log)";
}
