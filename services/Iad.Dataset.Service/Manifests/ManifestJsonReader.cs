using System.Text.Json;
using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Imaging.Perturbations;

namespace Iad.Dataset.Service.Manifests;

/// <summary>
/// Reads a canonical manifest (format <c>iad.manifest.v1</c> of <see cref="ManifestJson"/>) back into a
/// <see cref="Manifest"/> whose re-serialisation gives the same bytes. Per-task figures are the top-level
/// <c>achieved</c> entries keyed <c>&lt;task&gt;/&lt;key&gt;</c>.
/// </summary>
public static class ManifestJsonReader
{
    /// <summary>Parses <paramref name="canonicalJson"/>; the hash is taken from the bytes.</summary>
    /// <exception cref="InvalidDataException">Not a manifest of a known format.</exception>
    public static Manifest Read(ReadOnlyMemory<byte> canonicalJson)
    {
        try
        {
            using var document = JsonDocument.Parse(canonicalJson);
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != ManifestJson.Format)
                throw new InvalidDataException($"manifest format '{format}' is not '{ManifestJson.Format}'");
            var achieved = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var figure in root.GetProperty("achieved").EnumerateObject()) achieved.Add(figure.Name, figure.Value.GetDouble());
            var tasks = new List<ManifestTask>();
            foreach (var task in root.GetProperty("tasks").EnumerateArray()) tasks.Add(Task(task, achieved));
            return new Manifest(
                ManifestJson.Hash(canonicalJson.Span),
                SpecJsonReader.Read(root.GetProperty("spec")),
                root.GetProperty("layout").GetString()!,
                tasks,
                achieved,
                canonicalJson);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"manifest JSON is malformed: {exception.Message}", exception);
        }
    }

    private static ManifestTask Task(JsonElement task, IReadOnlyDictionary<string, double> achieved)
    {
        var name = task.GetProperty("name").GetString()!;
        var splits = new Dictionary<SettingSplit, ManifestSplit>();
        foreach (var split in task.GetProperty("splits").EnumerateArray())
        {
            var which = split.GetProperty("split").GetString() switch
            {
                "train" => SettingSplit.Train,
                "validation" => SettingSplit.Validation,
                "test" => SettingSplit.Test,
                var other => throw new InvalidDataException($"manifest split '{other}' is unknown"),
            };
            var items = new List<ManifestItem>();
            foreach (var item in split.GetProperty("items").EnumerateArray()) items.Add(Item(item));
            splits[which] = new ManifestSplit(which, items);
        }
        var prefix = name + "/";
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in achieved)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) figures.Add(key[prefix.Length..], value);
        }
        return new ManifestTask(
            task.GetProperty("index").GetInt32(), name,
            splits[SettingSplit.Train], splits[SettingSplit.Validation], splits[SettingSplit.Test], figures);
    }

    private static ManifestItem Item(JsonElement item)
    {
        var views = new List<ManifestView>();
        foreach (var view in item.GetProperty("views").EnumerateArray())
        {
            var perturbations = new List<Perturbation>();
            foreach (var perturbation in view.GetProperty("perturbations").EnumerateArray())
            {
                var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
                foreach (var parameter in perturbation.GetProperty("parameters").EnumerateObject())
                    parameters.Add(parameter.Name, parameter.Value.GetDouble());
                perturbations.Add(new Perturbation(perturbation.GetProperty("kind").GetString()!, parameters));
            }
            views.Add(new ManifestView(
                view.GetProperty("id").GetString()!,
                view.GetProperty("image").GetString()!,
                SpecJsonReader.Strings(view.GetProperty("masks")),
                Label(view.GetProperty("label")),
                perturbations));
        }
        return new ManifestItem(
            item.GetProperty("id").GetString()!,
            item.GetProperty("sample_id").GetString()!,
            Label(item.GetProperty("label")),
            Label(item.GetProperty("ground_truth")),
            SpecJsonReader.OptionalString(item, "defect_type"),
            SpecJsonReader.OptionalString(item, "subclass"),
            views);
    }

    private static SampleLabel Label(JsonElement token) => token.GetString() switch
    {
        "normal" => SampleLabel.Normal,
        "anomalous" => SampleLabel.Anomalous,
        var other => throw new InvalidDataException($"manifest label '{other}' is unknown"),
    };
}
