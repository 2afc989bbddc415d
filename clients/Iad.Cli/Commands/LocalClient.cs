using Iad.Client;

namespace Iad.Cli.Commands;

/// <summary>An SDK client for the services started by <c>iad up</c>, or null with a message when none run.</summary>
internal static class LocalClient
{
    public static IadClient? Open(string home)
    {
        var statePath = Path.Combine(home, "services.json");
        if (LocalServicesState.TryLoad(statePath) is { } state) return new IadClient(IadClientOptions.FromLocalServices(state));
        Console.Error.WriteLine($"no services started ({statePath} missing); run 'iad up' first");
        return null;
    }
}
