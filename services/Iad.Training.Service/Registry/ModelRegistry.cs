using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Iad.Contracts.V1;

namespace Iad.Training.Service.Registry;

/// <summary>
/// Versioned detectors on disk: <c>{root}/{name}/{version}/</c> holds <c>model.onnx</c>, <c>state.bin</c> and the
/// record <c>model.json</c>. A version is written in a staging directory, each file flushed to disk, and renamed into
/// place in one step, so a process killed mid-write leaves only a stage (deleted at the next start) and never a listed,
/// torn model. A version directory without its record is ignored.
/// </summary>
public sealed class ModelRegistry
{
    public const string ModelFileName = "model.onnx";
    public const string StateFileName = "state.bin";
    public const string RecordFileName = "model.json";
    private const string StagingName = ".staging";

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private readonly string _staging;
    private readonly Lock _gate = new();

    public ModelRegistry(string root)
    {
        Root = Path.GetFullPath(root);
        _staging = Path.Combine(Root, StagingName);
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        Directory.CreateDirectory(_staging);
    }

    public string Root { get; }

    /// <summary>Every version, or the versions of <paramref name="name"/>, ordered by name then version.</summary>
    public IReadOnlyList<Model> List(string? name = null)
    {
        var names = string.IsNullOrEmpty(name)
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Where(n => n is not null && ModelIds.IsValidName(n)).Cast<string>()
            : [name];
        return [.. names.Order(StringComparer.Ordinal).SelectMany(n => Versions(n).Select(v => ReadRecord(n, v)).OfType<Model>())];
    }

    /// <summary>The record of <paramref name="id"/> (<c>name@version</c>, or a name for its latest version).</summary>
    /// <exception cref="ModelNotFoundException">No such model or version.</exception>
    public Model Get(string id)
    {
        var (name, version) = ModelIds.Parse(id);
        var resolved = version ?? Versions(name).Cast<int?>().LastOrDefault();
        return (resolved is { } v ? ReadRecord(name, v) : null)
            ?? throw new ModelNotFoundException(version is null ? $"The registry has no model named '{name}'." : $"The registry has no model '{id}'.");
    }

    /// <summary>Path of a file of a registered model.</summary>
    /// <exception cref="ModelNotFoundException">No such model.</exception>
    public string FilePath(string id, string fileName)
    {
        var model = Get(id);
        return Path.Combine(Root, model.Name, model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), fileName);
    }

    /// <summary>A fresh staging directory for one model.</summary>
    public StagedModel BeginStage() => new(Path.Combine(_staging, Guid.NewGuid().ToString("N")));

    /// <summary>
    /// Registers the stage as the next version of <paramref name="draft"/>'s name: fills id, version, SHA-256, size and
    /// creation time, writes the record, flushes every file and renames the stage into place.
    /// </summary>
    public Model Commit(StagedModel stage, Model draft)
    {
        if (!ModelIds.IsValidName(draft.Name)) throw new ArgumentException($"'{draft.Name}' is not a valid model name.");
        var record = draft.Clone();
        using (var file = File.OpenRead(stage.ModelPath))
        {
            record.Sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            record.SizeBytes = file.Length;
        }
        record.Created = Timestamp.FromDateTime(DateTime.UtcNow);
        lock (_gate)
        {
            var version = Versions(record.Name).DefaultIfEmpty(0).Max() + 1;
            record.Version = version;
            record.ModelId = ModelIds.Format(record.Name, version);
            WriteDurably(Path.Combine(stage.Directory, RecordFileName), System.Text.Encoding.UTF8.GetBytes(Formatter.Format(record)));
            foreach (var file in Directory.EnumerateFiles(stage.Directory)) Flush(file);
            var parent = Path.Combine(Root, record.Name);
            Directory.CreateDirectory(parent);
            Directory.Move(stage.Directory, Path.Combine(parent, version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            stage.Committed = true;
        }
        return record;
    }

    /// <summary>Removes a version. Without <paramref name="force"/>, a model that other versions were updated from is kept.</summary>
    /// <exception cref="ModelNotFoundException">No such model.</exception>
    /// <exception cref="RegistryConflictException">Other models name it as their parent and force is off.</exception>
    public void Delete(string id, bool force)
    {
        lock (_gate)
        {
            var model = Get(id);
            var children = List().Where(m => m.ParentModelId == model.ModelId).Select(m => m.ModelId).ToList();
            if (children.Count > 0 && !force)
                throw new RegistryConflictException($"'{model.ModelId}' is the parent of [{string.Join(", ", children)}]; delete with force to remove it anyway.");
            var directory = Path.Combine(Root, model.Name, model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Moving out first makes the removal atomic for readers: the version vanishes in one rename.
            var doomed = Path.Combine(_staging, "deleted-" + Guid.NewGuid().ToString("N"));
            Directory.Move(directory, doomed);
            Directory.Delete(doomed, recursive: true);
        }
    }

    private IEnumerable<int> Versions(string name)
    {
        var directory = Path.Combine(Root, name);
        if (!Directory.Exists(directory)) return [];
        return Directory.EnumerateDirectories(directory)
            .Select(d => int.TryParse(Path.GetFileName(d), System.Globalization.NumberStyles.None, null, out var v) ? v : 0)
            .Where(v => v > 0 && File.Exists(Path.Combine(directory, v.ToString(System.Globalization.CultureInfo.InvariantCulture), RecordFileName)))
            .Order();
    }

    private Model? ReadRecord(string name, int version)
    {
        var path = Path.Combine(Root, name, version.ToString(System.Globalization.CultureInfo.InvariantCulture), RecordFileName);
        try
        {
            return Parser.Parse<Model>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or InvalidProtocolBufferException or InvalidJsonException)
        {
            return null;
        }
    }

    private static void WriteDurably(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write(bytes);
        file.Flush(flushToDisk: true);
    }

    private static void Flush(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }
}
