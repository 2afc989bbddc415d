using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Iad.Client;
using Iad.Contracts.V1;

namespace Iad.Cli.Tests;

/// <summary>
/// <c>iad continual</c> killed with SIGKILL mid-run, then <c>--resume</c>: the run completes with exactly the missing
/// cells, no duplicated rows, and the matrix of an uninterrupted run.
/// </summary>
public sealed partial class ContinualKillResumeTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("iad-cli-kill-").FullName;

    [GeneratedRegex(@"^run (run-[0-9a-z-]+):")]
    private static partial Regex RunLine();

    [Fact]
    public async Task A_killed_continual_run_resumes_to_the_results_of_an_uninterrupted_one()
    {
        var (upCode, upOutput) = await CliProcess.RunAsync(_home, "up");
        Assert.True(upCode == 0, upOutput);
        using var client = new IadClient(IadClientOptions.FromLocalServices(LocalServicesState.TryLoad(Path.Combine(_home, "services.json"))!));
        await client.Dataset.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest { Name = "seq", Categories = 3, Seed = 4, ImageSize = 64 });
        string[] arguments = ["continual", "--dataset", "seq", "--method", "padim", "--feature-dim", "32", "--image-size", "64", "--seed", "2"];

        var runId = await RunUntilKilledAsync(arguments, line => line.StartsWith("T[1,0]", StringComparison.Ordinal));
        var stored = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = runId })).Run.Rows.Count;
        Assert.InRange(stored, 2, 5);

        var (resumeCode, resumeOutput) = await CliProcess.RunAsync(_home, "continual", "--resume", runId, "--json");
        Assert.True(resumeCode == 0, resumeOutput);
        var resumed = JsonNode.Parse(resumeOutput.Split('\n').Single(l => l.StartsWith('{')))!;
        Assert.Equal(6 - stored, (int)resumed["CellsComputed"]!);
        var run = (await client.Metrics.GetRunAsync(new GetRunRequest { RunId = runId })).Run;
        Assert.Equal(6, run.Rows.Count);
        Assert.Equal(6, run.Rows.Select(r => (r.TrainedTask, r.EvalTask)).Distinct().Count());

        var (referenceCode, referenceOutput) = await CliProcess.RunAsync(_home, [.. arguments, "--json"]);
        Assert.True(referenceCode == 0, referenceOutput);
        var reference = JsonNode.Parse(referenceOutput.Split('\n').Single(l => l.StartsWith('{')))!;
        Assert.Equal(reference["Summaries"]!["image_auroc"]!["Matrix"]!.ToJsonString(), resumed["Summaries"]!["image_auroc"]!["Matrix"]!.ToJsonString());
    }

    /// <summary>Starts the CLI, kills it (SIGKILL, whole tree) at the first output line <paramref name="killAt"/> accepts; returns the run id it printed.</summary>
    private async Task<string> RunUntilKilledAsync(string[] arguments, Func<string, bool> killAt)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iad.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--home");
        start.ArgumentList.Add(_home);
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        string? runId = null;
        var seen = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (RunLine().Match(line) is { Success: true } match) runId = match.Groups[1].Value;
            if (!killAt(line)) continue;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
            return runId ?? throw new InvalidOperationException("no run id before the kill point:\n" + string.Join('\n', seen));
        }
        throw new InvalidOperationException("the run ended before the kill point:\n" + string.Join('\n', seen));
    }

    public void Dispose() => TrainModelsDetectSupport.StopServicesAndDelete(_home);
}
