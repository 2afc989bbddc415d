using System.Diagnostics;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Iad.Cli.Local;

namespace Iad.Cli.Tests;

/// <summary>A service host as a real process on loopback: h2c gRPC on one port, HTTP/1.1 metrics on the other.</summary>
public sealed class ServiceProcessTests
{
    [Fact]
    public async Task Host_serves_grpc_and_metrics_on_separate_ports_and_stops_on_sigterm()
    {
        var binary = ServiceBinaries.Locate("metrics");
        var ports = FreePorts.Take(2);
        var (grpcPort, httpPort) = (ports[0], ports[1]);
        var dataDir = Directory.CreateTempSubdirectory("iad-proc-test-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(binary)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { binary, "--grpc-port", grpcPort.ToString(), "--http-port", httpPort.ToString(), "--data-dir", dataDir }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
            var health = new Health.HealthClient(channel);
            HealthCheckResponse? response = null;
            for (var attempt = 0; attempt < 100 && response is null; attempt++)
            {
                try { response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2)); }
                catch (Grpc.Core.RpcException) { await Task.Delay(200); }
            }
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response?.Status);

            using var http = new HttpClient();
            var metrics = await http.GetStringAsync($"http://127.0.0.1:{httpPort}/metrics");
            Assert.Contains("iad_grpc_server_call_duration_seconds", metrics);

            ProcessControl.Terminate(process.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

}
