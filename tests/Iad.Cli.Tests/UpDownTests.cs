using Iad.Client;

namespace Iad.Cli.Tests;

public sealed class UpDownTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("iad-cli-test-").FullName;

    [Fact]
    public async Task Up_starts_four_healthy_services_and_down_leaves_no_process()
    {
        var (upCode, upOutput) = await CliProcess.RunAsync(_home, "up");
        Assert.True(upCode == 0, upOutput);
        var state = LocalServicesState.TryLoad(Path.Combine(_home, "services.json"));
        Assert.NotNull(state);
        Assert.Equal(["dataset", "training", "detection", "metrics"], state.Services.Select(s => s.Name));
        Assert.All(state.Services, s => Assert.True(IsAlive(s.ProcessId), $"{s.Name} not running"));

        var (statusCode, statusOutput) = await CliProcess.RunAsync(_home, "status");
        Assert.True(statusCode == 0, statusOutput);
        Assert.Equal(4, CountOccurrences(statusOutput, "SERVING"));

        var dataset = Path.Combine(_home, "synthetic-data");
        var (synthCode, synthOutput) = await CliProcess.RunAsync(_home, "synth", "--out", dataset, "--categories", "2", "--seed", "1", "--image-size", "64");
        Assert.True(synthCode == 0, synthOutput);
        var (describeCode, describeOutput) = await CliProcess.RunAsync(_home, "datasets", "describe", dataset);
        Assert.True(describeCode == 0, describeOutput);
        Assert.Contains("2 categories", describeOutput);
        Assert.Contains("grain", describeOutput);

        var (downCode, downOutput) = await CliProcess.RunAsync(_home, "down");
        Assert.True(downCode == 0, downOutput);
        Assert.All(state.Services, s => Assert.False(IsAlive(s.ProcessId), $"{s.Name} (pid {s.ProcessId}) still running"));
        Assert.False(File.Exists(Path.Combine(_home, "services.json")));

        var (afterCode, afterOutput) = await CliProcess.RunAsync(_home, "status");
        Assert.Equal(1, afterCode);
        Assert.Contains("iad up", afterOutput);
    }

    [Fact]
    public async Task Unknown_command_fails_with_usage()
    {
        var (code, output) = await CliProcess.RunAsync(_home, "frobnicate");
        Assert.NotEqual(0, code);
        Assert.Contains("frobnicate", output);
    }

    public void Dispose()
    {
        // Never leave services behind, even when an assertion failed half-way.
        if (LocalServicesState.TryLoad(Path.Combine(_home, "services.json")) is { } state)
        {
            foreach (var service in state.Services.Where(s => IsAlive(s.ProcessId)))
            {
                try { System.Diagnostics.Process.GetProcessById(service.ProcessId).Kill(); } catch (ArgumentException) { }
            }
        }
        Directory.Delete(_home, recursive: true);
    }

    private static bool IsAlive(int processId) => File.Exists($"/proc/{processId}/cmdline") && File.ReadAllText($"/proc/{processId}/cmdline").Contains("iad-");

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
