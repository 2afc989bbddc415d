using System.Globalization;
using Iad.Contracts.V1;
using Spectre.Console;

namespace Iad.Cli.Commands.Models;

/// <summary>Console tables of registry records and backbones.</summary>
internal static class ModelTables
{
    /// <summary>One row per model, newest first as the registry lists them.</summary>
    public static Table List(IEnumerable<Model> models)
    {
        var table = new Table().AddColumns("model", "method", "backbone", "input", "bank rows", "size", "created");
        foreach (var model in models)
        {
            table.AddRow(Markup.Escape(model.ModelId), Method(model.Method), Markup.Escape(model.Backbone), $"{model.InputSize} px",
                model.BankRows.ToString(CultureInfo.InvariantCulture), Size(model.SizeBytes), Created(model));
        }
        return table;
    }

    /// <summary>Every field of one record, then its training metrics and ONNX metadata.</summary>
    public static Table Show(Model model)
    {
        var table = new Table().AddColumns("field", "value");
        void Add(string field, string value) => table.AddRow(field, Markup.Escape(value));
        Add("model", model.ModelId);
        Add("name", model.Name);
        Add("version", model.Version.ToString(CultureInfo.InvariantCulture));
        Add("parent", model.ParentModelId.Length > 0 ? model.ParentModelId : "-");
        Add("method", Method(model.Method));
        Add("backbone", model.Backbone);
        Add("input size", $"{model.InputSize} px");
        Add("setting", model.ManifestSha256);
        Add("task", model.TaskIndex.ToString(CultureInfo.InvariantCulture));
        Add("sha256", model.Sha256);
        Add("size", Size(model.SizeBytes));
        Add("bank rows", model.BankRows.ToString(CultureInfo.InvariantCulture));
        Add("created", Created(model));
        foreach (var (key, value) in model.TrainingMetrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            Add($"metric {key}", value.ToString("G6", CultureInfo.InvariantCulture));
        foreach (var (key, value) in model.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            Add($"metadata {key}", value);
        return table;
    }

    /// <summary>Backbones with their layers as "name (channels ch, /stride)".</summary>
    public static Table Backbones(IEnumerable<BackboneInfo> backbones)
    {
        var table = new Table().AddColumns("backbone", "built-in", "layers");
        foreach (var backbone in backbones)
        {
            var layers = backbone.Layers.Select(l => $"{l.Name} ({l.Channels} ch, /{l.Stride})");
            table.AddRow(Markup.Escape(backbone.Name), backbone.Builtin ? "yes" : "no", Markup.Escape(string.Join(", ", layers)));
        }
        return table;
    }

    private static string Method(Method method) => method.ToString().ToLowerInvariant();

    private static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):F2} MiB");

    private static string Created(Model model) =>
        model.Created is null ? "-" : model.Created.ToDateTime().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
