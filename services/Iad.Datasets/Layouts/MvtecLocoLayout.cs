using System.Text.Json;
using Iad.Datasets.Errors;
using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// MVTec LOCO AD: <c>&lt;category&gt;/{train,validation,test}/&lt;good|logical_anomalies|structural_anomalies&gt;/NNN.png</c>;
/// each anomalous image has a mask FOLDER <c>ground_truth/&lt;type&gt;/NNN/</c> with one PNG per annotated region
/// (all become <see cref="View.MaskPaths"/>; binary mask = union, value &gt; 0). A missing or empty mask folder is an
/// error. <c>defects_config.json</c> is parsed into <see cref="CategoryInfo.DefectClasses"/> (array of objects with
/// <c>defect_name</c>, <c>pixel_value</c>, <c>saturation_threshold</c>, <c>relative_saturation</c>). The normal-only
/// <c>validation</c> folder becomes <see cref="DatasetSplit.Validation"/>. Sample id as MVTec AD.
/// Detected when every category has a LOCO name or a category carries <c>defects_config.json</c>.
/// </summary>
public sealed class MvtecLocoLayout : IDatasetLayout
{
    /// <summary>The five categories of MVTec LOCO AD.</summary>
    public static readonly IReadOnlySet<string> KnownCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        "breakfast_box", "juice_bottle", "pushpins", "screw_bag", "splicing_connectors",
    };

    /// <summary>Per-category defect configuration file name.</summary>
    public const string DefectsConfigFile = "defects_config.json";

    private static readonly TreeRules Rules = new(["good"], DefectTypeFromFolder: true, MaskNaming.StemFolder, MasksRequired: true);

    /// <inheritdoc />
    public string Name => "mvtec_loco";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root)
    {
        var categories = CategoryTree.Categories(root, string.Empty);
        return categories.Count > 0
            && (categories.TrueForAll(KnownCategories.Contains) || categories.Exists(c => root.IsFile(DatasetRoot.Join(c, DefectsConfigFile))));
    }

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root) => TreeDatasetReader.Read(root, string.Empty, Name, Rules, (category, path) => Describe(root, category, path));

    private static CategoryInfo Describe(DatasetRoot root, string category, string categoryPath)
    {
        var configPath = DatasetRoot.Join(categoryPath, DefectsConfigFile);
        return root.IsFile(configPath)
            ? new CategoryInfo(category, configPath, ParseDefectsConfig(root, configPath))
            : CategoryInfo.Plain(category);
    }

    private static DefectClass[] ParseDefectsConfig(DatasetRoot root, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(root.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(path, $"expected a JSON array, found {document.RootElement.ValueKind}");
            }

            var classes = new List<DefectClass>();
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                classes.Add(new DefectClass(
                    Required(entry, "defect_name", path, index).GetString() ?? string.Empty,
                    Required(entry, "pixel_value", path, index).GetInt32(),
                    Required(entry, "saturation_threshold", path, index).GetDouble(),
                    Required(entry, "relative_saturation", path, index).GetBoolean()));
                index++;
            }

            return [.. classes];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new DatasetFormatException(path, e.Message, e);
        }
    }

    private static JsonElement Required(JsonElement entry, string key, string path, int index) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(key, out var value)
            ? value
            : throw new DatasetFormatException(path, $"entry {index} has no '{key}'");
}
