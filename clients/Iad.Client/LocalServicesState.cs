using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iad.Client;

/// <summary>
/// The services started by <c>iad up</c>: their processes and addresses, persisted as JSON so that other commands
/// (and SDK users) can find them. Written atomically (temporary file + rename).
/// </summary>
public sealed record LocalServicesState(IReadOnlyList<LocalService> Services)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Default folder for state and data: <c>$IAD_HOME</c>, else <c>~/.iad</c>.</summary>
    public static string DefaultHome =>
        Environment.GetEnvironmentVariable("IAD_HOME") is { Length: > 0 } home
            ? Path.GetFullPath(home)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".iad");

    public static string DefaultPath => Path.Combine(DefaultHome, "services.json");

    public LocalService Require(string name) =>
        Services.FirstOrDefault(s => s.Name == name)
        ?? throw new KeyNotFoundException($"service '{name}' is not in the local services state");

    public static LocalServicesState? TryLoad(string path)
    {
        if (!File.Exists(path)) return null;
        return JsonSerializer.Deserialize<LocalServicesState>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"state file '{path}' is empty");
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>One locally started service process.</summary>
public sealed record LocalService(
    string Name,
    int ProcessId,
    int GrpcPort,
    int HttpPort,
    string DataDir,
    string LogFile)
{
    [JsonIgnore]
    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    [JsonIgnore]
    public string MetricsUrl => $"http://127.0.0.1:{HttpPort}/metrics";
}
