using System.Diagnostics;

namespace Iad.Cli.Tests;

/// <summary>Runs the built <c>iad</c> CLI as a real process with its own IAD home folder.</summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string home, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iad.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--home");
        start.ArgumentList.Add(home);
        start.Environment["COLUMNS"] = "200";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
