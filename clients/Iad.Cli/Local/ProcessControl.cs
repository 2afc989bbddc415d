using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Iad.Cli.Local;

/// <summary>Signals and liveness checks for service processes started by <c>iad up</c>.</summary>
internal static partial class ProcessControl
{
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>True when <paramref name="processId"/> is alive and is the named service (guards against reused pids).</summary>
    public static bool IsService(int processId, string name)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{processId}/cmdline");
            return commandLine.Contains($"iad-{name}.dll", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Asks for a graceful shutdown (SIGTERM lets the host drain in-flight calls).</summary>
    public static void Terminate(int processId) => _ = Kill(processId, SigTerm);

    /// <summary>Waits for exit up to <paramref name="timeout"/>, then kills.</summary>
    public static async Task StopAsync(int processId, string name, TimeSpan timeout)
    {
        if (!IsService(processId, name)) return;
        Terminate(processId);
        var watch = Stopwatch.StartNew();
        while (IsService(processId, name) && watch.Elapsed < timeout) await Task.Delay(100).ConfigureAwait(false);
        if (IsService(processId, name)) _ = Kill(processId, SigKill);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
