namespace Iad.Deploy.Tests.Support;

/// <summary>
/// The four service hosts as processes on free loopback ports, wired like docker-compose.yml (training reads from
/// dataset, detection may pull from training), with a tiny detector in detection's local model root and a first round
/// of traffic sent so that labelled series exist in every scrape: ServiceInfo on each, a synthetic dataset streamed, a
/// PaDiM job trained from it, detections (one refused) and a stored evaluation result.
/// </summary>
public sealed class ServiceFleet : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _root = Directory.CreateTempSubdirectory("iad-deploy-test-").FullName;
    private readonly Dictionary<string, ServiceProcess> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _trafficFailures = new(StringComparer.Ordinal);

    /// <summary>Service names, as in docker-compose.yml and the Kubernetes manifests.</summary>
    public static readonly string[] Names = ["dataset", "training", "detection", "metrics"];

    internal ServiceProcess this[string name] => _services[name];

    /// <summary>Metrics port of each service, by name.</summary>
    internal IReadOnlyDictionary<string, int> HttpPorts => _services.ToDictionary(s => s.Key, s => s.Value.HttpPort);

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2 * Names.Length);
        var grpc = Names.Select((n, i) => (n, ports[2 * i])).ToDictionary(p => p.n, p => p.Item2);
        var modelRoot = Directory.CreateDirectory(Path.Combine(_root, "models")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(modelRoot, FleetTraffic.ModelFile), TinyDetector.Create());

        var settings = new Dictionary<string, Dictionary<string, string>>
        {
            ["dataset"] = [],
            ["training"] = new() { ["Iad__Training__DatasetAddress"] = $"http://127.0.0.1:{grpc["dataset"]}" },
            ["detection"] = new()
            {
                ["Iad__Detection__TrainingAddress"] = $"http://127.0.0.1:{grpc["training"]}",
                ["Iad__Detection__LocalModelRoot"] = modelRoot,
            },
            ["metrics"] = [],
        };
        var starts = Names.Select((name, i) => ServiceProcess.StartAsync(
            name, ports[2 * i], ports[2 * i + 1], Path.Combine(_root, name), settings[name], StartTimeout)).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully)) _services[start.Result.Name] = start.Result;
        }

        foreach (var service in _services.Values) await SendAsync(service.Name, () => FleetTraffic.ServiceInfoAsync(service));
        string? manifest = null;
        await SendAsync("dataset", async () => manifest = await FleetTraffic.DatasetAsync(this["dataset"]));
        if (manifest is null) _trafficFailures["training"] = "no setting to train on: the dataset traffic failed";
        else await SendAsync("training", () => FleetTraffic.TrainAsync(this["training"], manifest));
        await SendAsync("detection", async () =>
        {
            await FleetTraffic.LoadDetectorAsync(this["detection"]);
            await FleetTraffic.DetectAsync(this["detection"], requests: 4);
            await FleetTraffic.FailedDetectAsync(this["detection"]);
        });
        await SendAsync("metrics", () => FleetTraffic.StoreResultAsync(this["metrics"]));
    }

    /// <summary>
    /// Fails the calling test when the first round of traffic to <paramref name="service"/> failed: a service that
    /// misbehaves fails the checks of that service, not the whole collection.
    /// </summary>
    internal void AssertTrafficSucceeded(string service) =>
        Assert.False(_trafficFailures.TryGetValue(service, out var failure),
            $"Traffic to the {service} service failed, so its series cannot be checked: {failure}\n{this[service].Output}");

    private async Task SendAsync(string service, Func<Task> traffic)
    {
        if (_trafficFailures.ContainsKey(service)) return;
        try
        {
            await traffic();
        }
        catch (Exception failure) when (failure is Grpc.Core.RpcException or InvalidOperationException or Xunit.Sdk.XunitException)
        {
            _trafficFailures[service] = failure.Message;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services.Values) await service.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>Shares one <see cref="ServiceFleet"/> between the test classes that need live services.</summary>
[CollectionDefinition(Name)]
public sealed class LiveFleet : ICollectionFixture<ServiceFleet>
{
    public const string Name = "live service fleet";
}
