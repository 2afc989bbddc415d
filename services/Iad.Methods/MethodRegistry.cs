using Iad.Methods.Padim;
using Iad.Methods.PatchCore;

namespace Iad.Methods;

/// <summary>The methods this library provides, by name.</summary>
public static class MethodRegistry
{
    private static readonly IAnomalyMethod[] Methods = [new PatchCoreMethod(), new PadimMethod()];

    /// <summary>Registered names in priority order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Methods.Select(m => m.Name)];

    /// <summary>The method called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such method; the message lists the known ones.</exception>
    public static IAnomalyMethod Get(string name) =>
        Methods.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown method '{name}'; known methods are [{string.Join(", ", Names)}].", nameof(name));
}
