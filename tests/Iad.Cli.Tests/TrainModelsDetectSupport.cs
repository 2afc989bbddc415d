using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Iad.Client;
using Iad.Contracts.V1;

namespace Iad.Cli.Tests;

/// <summary>Helpers of the train, models and detect tests.</summary>
internal static class TrainModelsDetectSupport
{
    /// <summary>The lines of <paramref name="output"/> that are JSON objects, parsed, in order.</summary>
    public static List<JsonNode> JsonLines(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!)];

    /// <summary>A float32 tensor of shape [c, h, w] holding <paramref name="values"/> (any count, to build malformed ones).</summary>
    public static Tensor Float32Map(float[] values, int c, int h, int w) => new()
    {
        Dtype = DataType.Float32,
        Shape = { c, h, w },
        Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())),
    };

    /// <summary>Kills services left by a failed test (never leave them running), then deletes the home folder.</summary>
    public static void StopServicesAndDelete(string home)
    {
        if (LocalServicesState.TryLoad(Path.Combine(home, "services.json")) is { } state)
        {
            foreach (var service in state.Services)
            {
                try
                {
                    // The id may have been reused by an unrelated process once ours exited.
                    if (!ReadCommandLine(service.ProcessId).Contains("iad-", StringComparison.Ordinal)) continue;
                    using var process = System.Diagnostics.Process.GetProcessById(service.ProcessId);
                    process.Kill();
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }
        Directory.Delete(home, recursive: true);
    }

    private static string ReadCommandLine(int processId)
    {
        var path = $"/proc/{processId}/cmdline";
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }
}
