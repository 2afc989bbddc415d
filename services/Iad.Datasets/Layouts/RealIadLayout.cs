using System.Text.Json;
using Iad.Datasets.Errors;
using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// Real-IAD: images <c>&lt;image folder&gt;/&lt;category&gt;/{OK,NG/&lt;code&gt;}/S&lt;NNNN&gt;/&lt;name&gt;_C&lt;k&gt;_&lt;timestamp&gt;.jpg</c> with the
/// mask <c>&lt;same stem&gt;.png</c> beside it, and one split JSON per category: an object with <c>meta</c>
/// (<c>prefix</c> = category folder, <c>normal_class</c> = <c>OK</c>), <c>train</c> and <c>test</c> arrays of entries
/// <c>{category, anomaly_class, image_path, mask_path}</c> (paths relative to the category folder, used verbatim, so the
/// double underscore after <c>audiojack</c> needs no special case).
/// </summary>
/// <remarks>
/// <para>Labels come from the JSON only, never from the folder: a view is anomalous when <c>mask_path</c> is not null and
/// <c>anomaly_class</c> differs from <c>normal_class</c> (views under <c>NG/</c> where the defect is not visible are
/// normal). The same rule applies to train entries (FUIAD splits put NG images in train).</para>
/// <para>Views are grouped into samples by the file name without its last two <c>_</c> fields (view <c>C1</c>…<c>C5</c> and
/// timestamp), within a split. Sample label = anomalous if any view is; defect type = <c>anomaly_class</c> of the first
/// anomalous view (ordinal view order), null for normal samples. Sample id
/// <c>&lt;category&gt;/&lt;split&gt;/&lt;name prefix&gt;</c>, e.g. <c>audiojack/test/audiojack__0064_NG_HS</c>.</para>
/// <para>JSON folder, probed in order: <c>&lt;root&gt;/&lt;set&gt;/&lt;set&gt;/</c> (anomalib), <c>&lt;root&gt;/&lt;set&gt;/</c> (official),
/// <c>&lt;root&gt;/</c> (ADer: <c>&lt;root&gt;/&lt;cat&gt;.json</c> beside <c>&lt;root&gt;/&lt;cat&gt;/</c>), where the set is
/// <c>realiad_jsons</c> by default (or <c>realiad_jsons_sv</c>, <c>realiad_jsons_fuiad_0.1</c>…). Image folder, probed in
/// order unless given: <c>realiad_1024</c>, <c>realiad_512</c>, <c>realiad_256</c>, <c>realiad_raw</c>, the root itself;
/// the first holding the JSON's prefix folder wins. Every listed image, and the mask of every anomalous view, must
/// exist.</para>
/// </remarks>
public sealed class RealIadLayout : IDatasetLayout
{
    /// <summary>Default split set: the multi-view split.</summary>
    public const string DefaultSplitSet = "realiad_jsons";

    private static readonly string[] ImageFolderCandidates = ["realiad_1024", "realiad_512", "realiad_256", "realiad_raw", string.Empty];

    private readonly string _splitSet;
    private readonly string[] _imageFolders;

    /// <summary>Reader of the multi-view split with probed image folder.</summary>
    public RealIadLayout()
        : this(DefaultSplitSet, imageFolder: null)
    {
    }

    /// <summary>Reader of a chosen split set and, optionally, a fixed image folder.</summary>
    /// <param name="splitSet">JSON folder name, e.g. <c>realiad_jsons_sv</c> or <c>realiad_jsons_fuiad_0.2</c>.</param>
    /// <param name="imageFolder">Root-relative image folder (e.g. <c>realiad_256</c>), or null to probe.</param>
    public RealIadLayout(string splitSet, string? imageFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(splitSet);
        _splitSet = splitSet;
        _imageFolders = imageFolder is null ? ImageFolderCandidates : [imageFolder];
    }

    /// <inheritdoc />
    public string Name => "real_iad";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => FindSplitFiles(root).Count > 0;

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root)
    {
        var samples = new List<Sample>();
        var categories = new List<CategoryInfo>();
        foreach (var (category, jsonPath) in FindSplitFiles(root))
        {
            categories.Add(CategoryInfo.Plain(category));
            ReadSplitFile(root, category, jsonPath, samples);
        }

        return new DatasetScan(Name, root.FullPath, categories, samples);
    }

    private void ReadSplitFile(DatasetRoot root, string category, string jsonPath, List<Sample> samples)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(root.ReadAllText(jsonPath));
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(jsonPath, e.Message, e);
        }

        using (document)
        {
            var top = document.RootElement;
            if (top.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException(jsonPath, $"expected a JSON object, found {top.ValueKind}");
            }

            var meta = top.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            var prefix = OptionalString(meta, "prefix") ?? category;
            var normalClass = OptionalString(meta, "normal_class") ?? "OK";
            var categoryFolder = FindCategoryFolder(root, prefix)
                ?? throw new DatasetNotFoundException(DatasetRoot.Join(_imageFolders[0], prefix));
            var found = false;
            foreach (var (key, split) in new[] { ("train", DatasetSplit.Train), ("test", DatasetSplit.Test) })
            {
                if (top.TryGetProperty(key, out var entries))
                {
                    found = true;
                    ReadEntries(root, category, jsonPath, key, entries, split, categoryFolder, normalClass, samples);
                }
            }

            if (!found)
            {
                throw new DatasetFormatException(jsonPath, "neither 'train' nor 'test' is present");
            }
        }
    }

    private static void ReadEntries(
        DatasetRoot root, string category, string jsonPath, string key, JsonElement entries, DatasetSplit split, string categoryFolder,
        string normalClass, List<Sample> samples)
    {
        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetFormatException(jsonPath, $"'{key}' is not an array");
        }

        var groups = new Dictionary<string, (List<View> Views, List<string> Classes)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var where = $"{key}[{index++}]";
            var imageRelative = RequiredString(entry, "image_path", jsonPath, where);
            var anomalyClass = RequiredString(entry, "anomaly_class", jsonPath, where);
            var maskRelative = OptionalString(entry, "mask_path");
            var (samplePrefix, viewId) = ParseFileName(imageRelative, jsonPath, where);
            var imagePath = DatasetRoot.Join(categoryFolder, imageRelative);
            if (!root.IsFile(imagePath))
            {
                throw new MissingImageException(imagePath, jsonPath);
            }

            var anomalous = maskRelative is not null && anomalyClass != normalClass;
            var maskPath = maskRelative is null ? null : DatasetRoot.Join(categoryFolder, maskRelative);
            if (anomalous && !root.IsFile(maskPath!))
            {
                throw new MissingMaskException(imagePath, maskPath!);
            }

            if (!groups.TryGetValue(samplePrefix, out var group))
            {
                group = ([], []);
                groups[samplePrefix] = group;
            }

            group.Views.Add(new View(viewId, imagePath, maskPath is null ? [] : [maskPath], anomalous ? SampleLabel.Anomalous : SampleLabel.Normal));
            group.Classes.Add(anomalyClass);
        }

        foreach (var (samplePrefix, (views, classes)) in groups)
        {
            string? defectType = null;
            string? firstAnomalousView = null;
            for (var i = 0; i < views.Count; i++)
            {
                if (views[i].Label == SampleLabel.Anomalous && (firstAnomalousView is null || string.CompareOrdinal(views[i].Id, firstAnomalousView) < 0))
                {
                    firstAnomalousView = views[i].Id;
                    defectType = classes[i];
                }
            }

            var id = SampleId.Of([category, SplitNames.Token(split), samplePrefix]);
            try
            {
                samples.Add(new Sample(id, category, split, defectType, subclass: null, views));
            }
            catch (ArgumentException e)
            {
                throw new DatasetFormatException(jsonPath, e.Message, e);
            }
        }
    }

    /// <summary>Splits <c>…/&lt;prefix&gt;_C&lt;k&gt;_&lt;timestamp&gt;.jpg</c> into (prefix, <c>C&lt;k&gt;</c>).</summary>
    private static (string Prefix, string View) ParseFileName(string imagePath, string jsonPath, string where)
    {
        var stem = ImageFiles.Stem(imagePath);
        var timestampAt = stem.LastIndexOf('_');
        var viewAt = timestampAt > 0 ? stem.LastIndexOf('_', timestampAt - 1) : -1;
        var view = viewAt > 0 ? stem[(viewAt + 1)..timestampAt] : string.Empty;
        if (view.Length < 2 || view[0] != 'C' || !view[1..].All(char.IsAsciiDigit))
        {
            throw new DatasetFormatException(jsonPath, $"{where}: image name '{imagePath}' does not end in '_C<k>_<timestamp>'");
        }

        return (stem[..viewAt], view);
    }

    private string? FindCategoryFolder(DatasetRoot root, string prefix)
    {
        foreach (var folder in _imageFolders)
        {
            var candidate = DatasetRoot.Join(folder, prefix);
            if (candidate.Length > 0 && root.IsDirectory(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>(category, JSON path) of the first probed JSON folder holding a category JSON whose image folder exists.</summary>
    private List<(string Category, string Path)> FindSplitFiles(DatasetRoot root)
    {
        foreach (var folder in new[] { DatasetRoot.Join(_splitSet, _splitSet), _splitSet, string.Empty })
        {
            if (!root.IsDirectory(folder))
            {
                continue;
            }

            var files = root.ListFiles(folder)
                .Where(static f => string.Equals(Path.GetExtension(f), ".json", StringComparison.OrdinalIgnoreCase))
                .Select(f => (Category: Path.GetFileNameWithoutExtension(f), Path: DatasetRoot.Join(folder, f)))
                .ToList();

            // Only the root folder can hold unrelated JSON files; there a file counts only beside its category folder.
            if (folder.Length == 0)
            {
                files = files.FindAll(f => FindCategoryFolder(root, f.Category) is not null);
            }

            if (files.Count > 0)
            {
                return files;
            }
        }

        return [];
    }

    private static string RequiredString(JsonElement entry, string key, string jsonPath, string where) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DatasetFormatException(jsonPath, $"{where}: '{key}' is missing or not a string");

    private static string? OptionalString(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
