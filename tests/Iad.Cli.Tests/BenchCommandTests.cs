using Iad.Cli.Commands;

namespace Iad.Cli.Tests;

/// <summary><c>iad bench</c>: the embedded default sweep and argument errors (the sweep itself runs in the SDK's tests).</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void The_embedded_default_sweep_is_the_uniform_table_on_synthetic_data()
    {
        var sweep = BenchCommand.Sweep(file: null, seeds: null);

        Assert.Equal([0, 1, 2], sweep.Seeds);
        Assert.Equal(["patchcore", "padim"], sweep.Methods.Select(m => m.Label));
        Assert.Equal(["vanilla", "noisy 0.1", "few-shot 4", "drift", "continual"], sweep.Settings.Select(s => s.Label));
        Assert.NotNull(Assert.Single(sweep.Datasets).Synthetic);
    }

    [Fact]
    public void Seeds_on_the_command_line_replace_the_sweep_s()
    {
        Assert.Equal([7], BenchCommand.Sweep(file: null, seeds: [7]).Seeds);
    }

    [Fact]
    public async Task A_bad_sweep_file_fails_with_its_reason_before_any_service_is_called()
    {
        var home = Directory.CreateTempSubdirectory("iad-bench-cli-").FullName;
        try
        {
            var file = Path.Combine(home, "sweep.yaml");
            await File.WriteAllTextAsync(file, "datasets: [synth]\nmethods: [patchcore]\nsettings: [nosiy]\n");

            var (exitCode, output) = await CliProcess.RunAsync(home, "bench", file);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("settings[0]: unknown setting 'nosiy'", output);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
