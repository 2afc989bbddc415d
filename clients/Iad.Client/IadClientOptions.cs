namespace Iad.Client;

/// <summary>Where the services are and how to call them.</summary>
public sealed class IadClientOptions
{
    /// <summary>
    /// Dataset service address, e.g. <c>http://127.0.0.1:7101</c>. Every address may also list replicas separated by commas
    /// or be a <c>dns:///host:port</c> name; calls are then balanced round-robin over the replicas.
    /// </summary>
    public string DatasetAddress { get; set; } = "http://127.0.0.1:7101";

    public string TrainingAddress { get; set; } = "http://127.0.0.1:7102";

    public string DetectionAddress { get; set; } = "http://127.0.0.1:7103";

    public string MetricsAddress { get; set; } = "http://127.0.0.1:7104";

    /// <summary>Deadline applied to unary calls that set none. Streams carry no default deadline.</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bearer token sent on every call; null sends none.</summary>
    public string? Token { get; set; }

    /// <summary>Attempts (first try included) for idempotent unary calls that fail with UNAVAILABLE; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Largest message received, bytes. Default 64 MiB, as on the servers.</summary>
    public int MaxReceiveMessageBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Options pointing at services started by <c>iad up</c>, read from its state file.</summary>
    public static IadClientOptions FromLocalServices(LocalServicesState state, string? token = null) => new()
    {
        DatasetAddress = state.Require("dataset").GrpcAddress,
        TrainingAddress = state.Require("training").GrpcAddress,
        DetectionAddress = state.Require("detection").GrpcAddress,
        MetricsAddress = state.Require("metrics").GrpcAddress,
        Token = token,
    };

    /// <summary>
    /// Replaces the addresses and token named by the environment variables <c>IAD_DATASET_ADDRESS</c>,
    /// <c>IAD_TRAINING_ADDRESS</c>, <c>IAD_DETECTION_ADDRESS</c>, <c>IAD_METRICS_ADDRESS</c> and <c>IAD_TOKEN</c>, when set.
    /// </summary>
    public IadClientOptions WithEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        DatasetAddress = read("IAD_DATASET_ADDRESS") is { Length: > 0 } dataset ? dataset : DatasetAddress;
        TrainingAddress = read("IAD_TRAINING_ADDRESS") is { Length: > 0 } training ? training : TrainingAddress;
        DetectionAddress = read("IAD_DETECTION_ADDRESS") is { Length: > 0 } detection ? detection : DetectionAddress;
        MetricsAddress = read("IAD_METRICS_ADDRESS") is { Length: > 0 } metrics ? metrics : MetricsAddress;
        Token = read("IAD_TOKEN") is { Length: > 0 } token ? token : Token;
        return this;
    }
}
