using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;
using Iad.Hosting;
using Microsoft.Extensions.Options;

namespace Iad.Dataset.Service.Catalog;

/// <summary>
/// Registered datasets (name → sandboxed root and layout), persisted as JSON in the data directory with an atomic
/// replace, plus a cache of their scans. Roots must lie under an allowed root; the data directory always is one.
/// </summary>
public sealed partial class DatasetCatalog
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string _file;
    private readonly AllowedRoots _allowed;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries;
    private readonly ConcurrentDictionary<string, Lazy<DatasetScan>> _scans = new();

    public DatasetCatalog(IOptions<IadHostingOptions> hosting, IOptions<DatasetCatalogOptions> options)
    {
        DataDir = hosting.Value.DataDir!;
        _file = Path.Combine(DataDir, "datasets.json");
        _allowed = new AllowedRoots([DataDir, .. options.Value.AllowedRoots]);
        _entries = File.Exists(_file)
            ? JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(_file), Json)!.ToDictionary(e => e.Name)
            : [];
    }

    public string DataDir { get; }

    /// <summary>Registers (or re-registers) <paramref name="name"/>; scans the root once to detect or check the layout.</summary>
    public (Entry Entry, DatasetScan Scan) Register(string name, string root, string? layout)
    {
        if (!NamePattern().IsMatch(name)) throw new ArgumentException($"dataset name '{name}' must match [a-z0-9_-]{{1,64}}");
        var datasetRoot = _allowed.Resolve(root);
        var scan = LayoutRegistry.Default.Read(datasetRoot, layout);
        var entry = new Entry(name, datasetRoot.FullPath, scan.Layout);
        lock (_gate)
        {
            _entries[name] = entry;
            Save();
        }
        _scans[name] = new Lazy<DatasetScan>(scan);
        return (entry, scan);
    }

    public IReadOnlyList<Entry> List()
    {
        lock (_gate) return [.. _entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    public Entry Get(string name)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(name, out var entry)
                ? entry
                : throw new KeyNotFoundException($"dataset '{name}' is not registered; registered: {string.Join(", ", _entries.Keys.Order())}");
        }
    }

    /// <summary>The dataset's sample table, scanned once and cached.</summary>
    public DatasetScan Scan(string name)
    {
        var entry = Get(name);
        return _scans.GetOrAdd(name, _ => new Lazy<DatasetScan>(() => LayoutRegistry.Default.Read(new DatasetRoot(entry.Root), entry.Layout))).Value;
    }

    /// <summary>Sandboxed access to the dataset's files.</summary>
    public DatasetRoot Root(string name) => new(Get(name).Root);

    private void Save()
    {
        var temporary = _file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, _entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToList(), Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, _file, overwrite: true);
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();

    /// <summary>One registration.</summary>
    public sealed record Entry(string Name, string Root, string Layout);
}
