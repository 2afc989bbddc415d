using System.Globalization;
using Iad.Client.Experiments;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Iad.Client.Bench;

/// <summary>
/// Reads a sweep file (YAML, or JSON, which is YAML's flow form). Keys are snake_case; unknown keys are errors so a
/// typo never silently runs the defaults:
/// <code>
/// name: uniform table
/// image_size: 128            # default 256
/// seeds: [0, 1, 2]           # default
/// parallel: 1
/// datasets:
///   - synthetic: {categories: 3, seed: 1}
///   - {name: mvtec, path: /data/mvtec_ad, categories: [bottle, cable]}
/// methods:
///   - patchcore
///   - {name: padim, feature_dim: 100}
/// settings:
///   - vanilla
///   - noisy: {ratio: 0.1, mode: add}
///   - few_shot: {shots: 4, copies: 2}
///   - drift
///   - continual
/// </code>
/// </summary>
public static class BenchSweepReader
{
    /// <summary>Parses and validates <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">Malformed text, an unknown key or value, or an invalid sweep; the message names where.</exception>
    public static BenchSweep Parse(string text)
    {
        object? document;
        try
        {
            document = new DeserializerBuilder().Build().Deserialize<object>(text);
        }
        catch (YamlException e)
        {
            throw new ArgumentException($"The sweep file is not valid YAML or JSON (line {e.Start.Line}): {e.InnerException?.Message ?? e.Message}", e);
        }
        var root = Map(document, "the sweep file");
        Keys(root, "the sweep file", "name", "datasets", "methods", "settings", "seeds", "image_size", "window", "parallel");
        var defaults = new BenchSweep();
        return new BenchSweep
        {
            Name = Text(root, "name", "sweep") ?? defaults.Name,
            Datasets = [.. List(root, "datasets").Select((d, i) => Dataset(d, $"datasets[{i}]"))],
            Methods = [.. List(root, "methods").Select((m, i) => Method(m, $"methods[{i}]"))],
            Settings = [.. List(root, "settings").Select((s, i) => Setting(s, $"settings[{i}]"))],
            Seeds = root.ContainsKey("seeds") ? [.. List(root, "seeds").Select((s, i) => Integer(s, $"seeds[{i}]"))] : defaults.Seeds,
            ImageSize = OptionalInteger(root, "image_size", "sweep") ?? defaults.ImageSize,
            Window = OptionalInteger(root, "window", "sweep") ?? defaults.Window,
            Parallel = OptionalInteger(root, "parallel", "sweep") ?? defaults.Parallel,
        }.Validated();
    }

    private static BenchDataset Dataset(object? node, string where)
    {
        if (node is string name) return new BenchDataset { Name = name };
        var map = Map(node, where);
        Keys(map, where, "name", "path", "synthetic", "categories");
        BenchSynthetic? synthetic = null;
        if (map.TryGetValue("synthetic", out var s))
        {
            var spec = s is null ? new Dictionary<string, object?>() : Map(s, $"{where}.synthetic");
            Keys(spec, $"{where}.synthetic", "categories", "seed", "difficulty", "image_size");
            synthetic = new BenchSynthetic
            {
                Categories = OptionalInteger(spec, "categories", $"{where}.synthetic") ?? 3,
                Seed = OptionalInteger(spec, "seed", $"{where}.synthetic") ?? 0,
                Difficulty = OptionalNumber(spec, "difficulty", $"{where}.synthetic"),
                ImageSize = OptionalInteger(spec, "image_size", $"{where}.synthetic"),
            };
        }
        return new BenchDataset
        {
            Name = Text(map, "name", where),
            Path = Text(map, "path", where),
            Synthetic = synthetic,
            Categories = map.ContainsKey("categories") ? [.. List(map, "categories").Select((c, i) => Scalar(c, $"{where}.categories[{i}]"))] : [],
        };
    }

    private static BenchMethod Method(object? node, string where)
    {
        if (node is string name) return new BenchMethod { Name = name.ToLowerInvariant() };
        var map = Map(node, where);
        Keys(map, where, "name", "title", "coreset_ratio", "memory_budget", "feature_dim", "running_average");
        return new BenchMethod
        {
            Name = (Text(map, "name", where) ?? throw new ArgumentException($"{where}: a method needs a name (patchcore or padim).")).ToLowerInvariant(),
            Title = Text(map, "title", where),
            CoresetRatio = OptionalNumber(map, "coreset_ratio", where),
            MemoryBudget = OptionalInteger(map, "memory_budget", where) ?? 0,
            FeatureDim = OptionalInteger(map, "feature_dim", where),
            RunningAverage = OptionalBoolean(map, "running_average", where) ?? false,
        };
    }

    private static BenchSetting Setting(object? node, string where)
    {
        if (node is string kind) return kind == "continual" ? new BenchSetting { Continual = true } : new BenchSetting { Regime = Regime(kind, null, where) };
        var map = Map(node, where);
        if (map.Count != 1) throw new ArgumentException($"{where}: a setting is one key (vanilla, noisy, few_shot, drift or continual), not {map.Count}.");
        var (key, value) = map.First();
        if (key != "continual") return new BenchSetting { Regime = Regime(key, value, where) };
        if (value is null) return new BenchSetting { Continual = true };
        var inner = Map(value, $"{where}.continual");
        if (inner.Count != 1) throw new ArgumentException($"{where}.continual: give one regime (noisy, few_shot, drift) or nothing.");
        var (innerKey, innerValue) = inner.First();
        return new BenchSetting { Continual = true, Regime = Regime(innerKey, innerValue, $"{where}.continual") };
    }

    private static ExperimentSetting Regime(string kind, object? parameters, string where)
    {
        var map = parameters is null ? new Dictionary<string, object?>() : Map(parameters, $"{where}.{kind}");
        var at = $"{where}.{kind}";
        ExperimentSetting regime;
        switch (kind)
        {
            case "vanilla" or "drift":
                Keys(map, at);
                regime = new ExperimentSetting { Kind = kind };
                break;
            case "noisy":
                Keys(map, at, "ratio", "mode");
                regime = new ExperimentSetting
                {
                    Kind = kind,
                    NoiseRatio = OptionalNumber(map, "ratio", at) ?? ExperimentSetting.Vanilla.NoiseRatio,
                    NoiseMode = Text(map, "mode", at) ?? ExperimentSetting.Vanilla.NoiseMode,
                };
                break;
            case "few_shot":
                Keys(map, at, "shots", "copies");
                regime = new ExperimentSetting
                {
                    Kind = kind,
                    Shots = OptionalInteger(map, "shots", at) ?? ExperimentSetting.Vanilla.Shots,
                    AugmentedCopies = OptionalInteger(map, "copies", at) ?? 0,
                };
                break;
            default:
                throw new ArgumentException($"{where}: unknown setting '{kind}'; known settings are [{string.Join(", ", ExperimentSetting.Kinds)}, continual].");
        }
        try
        {
            return regime.Validated();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{where}: {e.Message}", e);
        }
    }

    private static void Keys(Dictionary<string, object?> map, string where, params string[] known)
    {
        var unknown = map.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
            throw new ArgumentException($"{where}: unknown key '{unknown}'; known keys are [{string.Join(", ", known)}].");
    }

    private static Dictionary<string, object?> Map(object? node, string where) => node switch
    {
        Dictionary<object, object?> map => map.ToDictionary(p => p.Key.ToString()!, p => p.Value),
        _ => throw new ArgumentException($"{where}: expected a mapping of keys to values."),
    };

    private static List<object?> List(Dictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        List<object?> list => list,
        null => throw new ArgumentException($"The sweep needs a '{key}' list."),
        _ => throw new ArgumentException($"'{key}' must be a list."),
    };

    private static string Scalar(object? node, string where) =>
        node as string ?? throw new ArgumentException($"{where}: expected a single value.");

    private static string? Text(Dictionary<string, object?> map, string key, string where) =>
        map.TryGetValue(key, out var value) && value is not null ? Scalar(value, $"{where}.{key}") : null;

    private static int Integer(object? node, string where) =>
        int.TryParse(Scalar(node, where), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{where}: '{node}' is not an integer.");

    private static int? OptionalInteger(Dictionary<string, object?> map, string key, string where) =>
        map.TryGetValue(key, out var value) && value is not null ? Integer(value, $"{where}.{key}") : null;

    private static double? OptionalNumber(Dictionary<string, object?> map, string key, string where)
    {
        if (!map.TryGetValue(key, out var value) || value is null) return null;
        return double.TryParse(Scalar(value, $"{where}.{key}"), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"{where}.{key}: '{value}' is not a number.");
    }

    private static bool? OptionalBoolean(Dictionary<string, object?> map, string key, string where)
    {
        if (!map.TryGetValue(key, out var value) || value is null) return null;
        return bool.TryParse(Scalar(value, $"{where}.{key}"), out var flag) ? flag : throw new ArgumentException($"{where}.{key}: '{value}' is not true or false.");
    }
}
