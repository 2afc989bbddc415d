namespace Iad.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("iad-demo-home-").FullName;
    private readonly string _out = Path.Combine(Path.GetTempPath(), "iad-demo-out-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Directory.Delete(_home, recursive: true);
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task The_demo_starts_the_services_runs_both_methods_writes_the_report_and_stops_what_it_started()
    {
        var (exitCode, output) = await CliProcess.RunAsync(_home, "demo", "--out", _out, "--image-size", "64", "--categories", "3", "--seed", "1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("patchcore", output);
        Assert.Contains("padim", output);
        Assert.Contains("final image AUROC", output);
        Assert.Contains("stopping the services the demo started", output);
        Assert.False(File.Exists(Path.Combine(_home, "services.json")), "the demo stops the services it started");

        var markdown = await File.ReadAllTextAsync(Path.Combine(_out, "report.md"));
        Assert.Contains("| patchcore |", markdown);
        Assert.Contains("| padim |", markdown);
        foreach (var png in new[] { "accuracy_latency.png", "forgetting.png", "matrix_patchcore_i-auroc.png", "matrix_padim_i-auroc.png", "curves_patchcore.png", "overlays_padim.png" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_out, png));
            Assert.True(bytes.Length > 2000, $"{png} has {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        Assert.True(File.Exists(Path.Combine(_out, "report.html")));
    }
}
