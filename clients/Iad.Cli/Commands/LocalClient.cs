using Iad.Client;

namespace Iad.Cli.Commands;

/// <summary>
/// An SDK client for the services started by <c>iad up</c>, with any <c>IAD_*_ADDRESS</c> / <c>IAD_TOKEN</c> variables
/// applied on top; when no local services run, all four addresses must come from the environment. Null with a message
/// when neither gives the services.
/// </summary>
internal static class LocalClient
{
    private static readonly string[] AddressVariables = ["IAD_DATASET_ADDRESS", "IAD_TRAINING_ADDRESS", "IAD_DETECTION_ADDRESS", "IAD_METRICS_ADDRESS"];

    public static IadClient? Open(string home)
    {
        var statePath = Path.Combine(home, "services.json");
        if (LocalServicesState.TryLoad(statePath) is { } state) return new IadClient(IadClientOptions.FromLocalServices(state).WithEnvironment());
        if (AddressVariables.All(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)))) return new IadClient(new IadClientOptions().WithEnvironment());
        Console.Error.WriteLine($"no services started ({statePath} missing); run 'iad up' first, or set {string.Join(", ", AddressVariables)}");
        return null;
    }
}
