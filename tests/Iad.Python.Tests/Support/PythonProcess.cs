using System.ComponentModel;
using System.Diagnostics;

namespace Iad.Python.Tests.Support;

/// <summary>
/// Runs programs of the Python client (clients/python) with a system Python that has gRPC. The interpreter is
/// <c>$IAD_PYTHON</c>, else <c>/usr/bin/python3</c>, else <c>python3</c> on PATH: Debian's python3-grpcio installs for
/// /usr/bin/python3, which a version manager's python3 earlier on PATH does not see.
/// </summary>
internal static class PythonProcess
{
    public const string InstallHint = "apt-get install -y python3-grpcio protobuf-compiler protobuf-compiler-grpc";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string> LazyInterpreter = new(FindInterpreter);

    /// <summary>The interpreter in use; throws with the install command when none can import grpc.</summary>
    public static string Interpreter => LazyInterpreter.Value;

    /// <summary>The repository's clients/python folder, found above the test's output folder.</summary>
    public static string ClientDirectory { get; } = FindClientDirectory();

    /// <summary>Runs <paramref name="fileName"/> (python when null, else e.g. bash) with the arguments, in the client folder.</summary>
    public static async Task<ProcessResult> RunAsync(
        string? fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName ?? Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ClientDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Bytecode caches would land in the source tree.
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment) start.Environment[key] = value;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start '{start.FileName}'");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{start.FileName} {string.Join(' ', start.ArgumentList)}' ran longer than {Timeout.TotalSeconds} s");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindInterpreter()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("IAD_PYTHON") is { Length: > 0 } configured) candidates.Add(configured);
        candidates.Add("/usr/bin/python3");
        candidates.Add("python3");
        var tried = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import grpc, google.protobuf"])
                {
                    RedirectStandardError = true,
                    UseShellExecute = false,
                })!;
                var error = probe.StandardError.ReadToEnd();
                probe.WaitForExit();
                if (probe.ExitCode == 0) return candidate;
                tried.Add($"{candidate}: {error.Trim().Split('\n')[^1]}");
            }
            catch (Win32Exception e)
            {
                tried.Add($"{candidate}: {e.Message}");
            }
        }
        throw new InvalidOperationException(
            "No Python interpreter with the grpc package was found; the Python client tests need it. "
            + $"Install it with `{InstallHint}` (or point IAD_PYTHON at an interpreter with grpcio). Tried: "
            + string.Join("; ", tried));
    }

    private static string FindClientDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "clients", "python");
            if (File.Exists(Path.Combine(candidate, "detect.py"))) return candidate;
        }
        throw new DirectoryNotFoundException($"clients/python/detect.py not found above {AppContext.BaseDirectory}");
    }
}
