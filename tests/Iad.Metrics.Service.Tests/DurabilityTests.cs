using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Iad.Contracts.V1;

namespace Iad.Metrics.Service.Tests;

/// <summary>An acknowledged row survives SIGKILL of the service process.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Acknowledged_rows_survive_a_process_kill()
    {
        var dataDir = Directory.CreateTempSubdirectory("iad-metrics-kill-").FullName;
        try
        {
            string runId;
            var acknowledged = 0;
            using (var first = await ServiceProcess.StartAsync(dataDir))
            {
                var client = first.Client;
                runId = (await client.CreateRunAsync(new CreateRunRequest { Method = "patchcore", Dataset = "synthetic" })).Run.RunId;
                for (var k = 0; k < 20; k++)
                {
                    await client.AppendResultAsync(new AppendResultRequest { RunId = runId, Row = Rows.Make(k, 0, 0.5 + k / 100.0) });
                    acknowledged++;
                }
                first.Kill();
            }

            using var second = await ServiceProcess.StartAsync(dataDir);
            var run = (await second.Client.GetRunAsync(new GetRunRequest { RunId = runId })).Run;

            Assert.Equal(acknowledged, run.Rows.Count);
            Assert.Equal(0.69, run.Rows[^1].Metrics[0].Value, 12);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private sealed class ServiceProcess : IDisposable
    {
        private readonly Process _process;
        private readonly GrpcChannel _channel;

        private ServiceProcess(Process process, GrpcChannel channel)
        {
            _process = process;
            _channel = channel;
            Client = new MetricsService.MetricsServiceClient(channel);
        }

        public MetricsService.MetricsServiceClient Client { get; }

        public static async Task<ServiceProcess> StartAsync(string dataDir)
        {
            var (grpcPort, httpPort) = (FreePort(), FreePort());
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "iad-metrics.dll"), "--grpc-port", grpcPort.ToString(), "--http-port", httpPort.ToString(), "--data-dir", dataDir })
                start.ArgumentList.Add(argument);
            var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
            var info = new ServiceInfoService.ServiceInfoServiceClient(channel);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await info.GetServiceInfoAsync(new GetServiceInfoRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                    return new ServiceProcess(process, channel);
                }
                catch (Grpc.Core.RpcException) when (attempt < 150)
                {
                    await Task.Delay(200);
                }
            }
        }

        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited) Kill();
            _channel.Dispose();
            _process.Dispose();
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
