using Iad.Client;
using Iad.Contracts.V1;
using Iad.Testing;

namespace Iad.Client.Tests.Support;

/// <summary>
/// The four services as real processes on loopback, wired as <c>iad up</c> wires them, with a three-category synthetic
/// dataset ("synth", 64 px) registered; <see cref="Client"/> is the SDK pointed at them.
/// </summary>
public sealed class ServiceStack : IAsyncLifetime
{
    public const int Side = 64;
    private static readonly string[] Names = ["dataset", "training", "detection", "metrics"];
    private readonly string _root = Directory.CreateTempSubdirectory("iad-client-test-").FullName;
    private readonly List<ServiceProcess> _services = [];

    public IadClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2 * Names.Length);
        string Grpc(string name) => $"http://127.0.0.1:{ports[2 * Array.IndexOf(Names, name)]}";
        var settings = new Dictionary<string, Dictionary<string, string>>
        {
            ["dataset"] = [],
            ["training"] = new() { ["Iad__Training__DatasetAddress"] = Grpc("dataset") },
            ["detection"] = new() { ["Iad__Detection__TrainingAddress"] = Grpc("training") },
            ["metrics"] = [],
        };
        var starts = Names.Select((name, i) => ServiceProcess.StartAsync(name, ports[2 * i], ports[2 * i + 1], Path.Combine(_root, name),
            settings[name], TimeSpan.FromSeconds(60))).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            _services.AddRange(starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }
        Client = new IadClient(new IadClientOptions
        {
            DatasetAddress = Grpc("dataset"),
            TrainingAddress = Grpc("training"),
            DetectionAddress = Grpc("detection"),
            MetricsAddress = Grpc("metrics"),
            DefaultDeadline = TimeSpan.FromMinutes(2),
        });
        await Client.Dataset.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest
        {
            Name = "synth", Categories = 3, Seed = 5, ImageSize = Side, Difficulty = 0.2,
        });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var service in _services) await service.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
