using System.Diagnostics;

namespace Iad.Deploy.Tests.Support;

/// <summary>Runs command-line tools found on PATH and captures what they print.</summary>
internal static class ExternalTool
{
    /// <summary>Full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="fileName"/> in the repository root to completion (killed after <paramref name="timeout"/>); returns standard output and standard error apart.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:F0} s.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
