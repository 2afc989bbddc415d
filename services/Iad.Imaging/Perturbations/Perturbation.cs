using System.Globalization;
using System.Text;

namespace Iad.Imaging.Perturbations;

/// <summary>
/// One concrete transform with all its drawn parameters (canonical form: Kind + parameters sorted by key, invariant culture).
/// Kinds and their parameter names are listed in <see cref="PerturbationKinds"/>. Equality compares the kind and every
/// parameter value, so two recipes are equal exactly when they describe the same transform.
/// </summary>
public sealed record Perturbation(string Kind, IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>The parameter <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The recipe lacks that parameter.</exception>
    public double Get(string name) => Parameters.TryGetValue(name, out var value)
        ? value
        : throw new ArgumentException($"Perturbation '{Kind}' has no parameter '{name}'; it has: {string.Join(", ", Parameters.Keys)}.");

    /// <summary>Canonical text, e.g. <c>rotation(angle_degrees=-3.25)</c>: keys sorted ordinally, values in round-trip invariant format.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Kind).Append('(');
        var first = true;
        foreach (var key in SortedKeys())
        {
            if (!first) text.Append(',');
            first = false;
            text.Append(key).Append('=').Append(Parameters[key].ToString("R", CultureInfo.InvariantCulture));
        }
        return text.Append(')').ToString();
    }

    public bool Equals(Perturbation? other)
    {
        if (other is null || Kind != other.Kind || Parameters.Count != other.Parameters.Count) return false;
        foreach (var (key, value) in Parameters)
        {
            if (!other.Parameters.TryGetValue(key, out var otherValue) || !value.Equals(otherValue)) return false;
        }
        return true;
    }

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Builds a recipe whose parameter table is sorted by key (ordinal).</summary>
    internal static Perturbation Create(string kind, params ReadOnlySpan<(string Name, double Value)> parameters)
    {
        var table = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters) table.Add(name, value);
        return new Perturbation(kind, table);
    }

    private string[] SortedKeys()
    {
        var keys = Parameters.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }
}
