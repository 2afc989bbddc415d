using System.Text;

namespace Iad.Reports.Model;

/// <summary>
/// File-name keys and display labels of the methods of one report. The key is the method name lower-cased with every
/// character outside [a-z0-9.-] replaced by '-'; when two methods share a key, both get the backbone appended
/// (<c>patchcore-wide_resnet50_2</c> → <c>patchcore-wide-resnet50-2</c>) and the label becomes
/// <c>method (backbone)</c>. Keys that still collide throw <see cref="ReportDataException"/>.
/// </summary>
public sealed class MethodKeys
{
    private readonly string[] _keys;
    private readonly string[] _labels;

    private MethodKeys(string[] keys, string[] labels)
    {
        _keys = keys;
        _labels = labels;
    }

    /// <summary>File-name key of method <paramref name="index"/>.</summary>
    public string Key(int index) => _keys[index];

    /// <summary>Display label of method <paramref name="index"/>.</summary>
    public string Label(int index) => _labels[index];

    /// <summary>Assigns keys and labels to <paramref name="methods"/> in order.</summary>
    public static MethodKeys Assign(IReadOnlyList<MethodResult> methods)
    {
        var plain = new string[methods.Count];
        for (var i = 0; i < methods.Count; i++) plain[i] = Slug(methods[i].Method);
        var keys = new string[methods.Count];
        var labels = new string[methods.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Count; i++)
        {
            var shared = Array.IndexOf(plain, plain[i]) != Array.LastIndexOf(plain, plain[i]);
            keys[i] = shared ? Slug(methods[i].Method + "-" + methods[i].Backbone) : plain[i];
            labels[i] = shared ? $"{methods[i].Method} ({methods[i].Backbone})" : methods[i].Method;
            if (!seen.TryAdd(keys[i], i))
                throw new ReportDataException(
                    $"methods {seen[keys[i]]} and {i} ('{methods[i].Method}', backbone '{methods[i].Backbone}') would both write files named '{keys[i]}'.");
        }
        return new MethodKeys(keys, labels);
    }

    /// <summary>Lower-cases <paramref name="name"/> and replaces characters outside [a-z0-9.-] by '-'; empty → "unnamed".</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-' ? c : '-');
        return sb.Length == 0 ? "unnamed" : sb.ToString();
    }
}
