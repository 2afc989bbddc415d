using System.Text.Json;

namespace Iad.Python.Tests.Support;

/// <summary>Exit status and captured output of a finished process.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Each non-empty stdout line parsed as one JSON document.</summary>
    public IReadOnlyList<JsonElement> JsonLines()
    {
        var lines = new List<JsonElement>();
        foreach (var line in StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            lines.Add(document.RootElement.Clone());
        }
        return lines;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
