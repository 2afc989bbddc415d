using System.Reflection;

namespace Iad.Hosting.ServiceInfo;

/// <summary>Who a host is: its short name and the capabilities it advertises through GetServiceInfo.</summary>
public sealed class ServiceIdentity(string name, IReadOnlyList<string> capabilities)
{
    private readonly List<string> _capabilities = [.. capabilities];

    /// <summary>"dataset", "training", "detection" or "metrics".</summary>
    public string Name { get; } = name;

    /// <summary>When the process started, for uptime.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<string> Capabilities => _capabilities;

    /// <summary>Semantic version of the running assembly.</summary>
    public string Version { get; } = typeof(ServiceIdentity).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Informational version (includes source revision metadata when the build had it).</summary>
    public string Build { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ServiceIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    /// <summary>Adds a capability discovered at start-up (e.g. the execution providers present).</summary>
    public void AddCapability(string capability)
    {
        lock (_capabilities)
        {
            if (!_capabilities.Contains(capability)) _capabilities.Add(capability);
        }
    }
}
