using Iad.Datasets.Errors;
using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// DAGM 2007: <c>&lt;root&gt;/Class&lt;N&gt;/{Train,Test}/NNNN.PNG</c> (upper-case extension kept), weak-label masks
/// <c>&lt;split&gt;/Label/NNNN_label.PNG</c> for defective images only, and <c>&lt;split&gt;/Label/Labels.txt</c>.
/// Mirrors that unzip to <c>ClassN/ClassN/</c> are read through the inner folder. An image is defective when
/// <c>Labels.txt</c> says so (first line skipped; then TAB-separated: index, flag 0/1, image file, unused, label file or
/// <c>0</c>); images the file does not list are defective when <c>Label/&lt;stem&gt;_label.&lt;ext&gt;</c> exists. A defective
/// image must have its label file; a listed image must exist. Defects occur in Train as well as Test. No defect types.
/// Sample id <c>Class&lt;N&gt;/&lt;split&gt;/&lt;stem&gt;</c>. Detected by <c>Class&lt;N&gt;</c> folders with Train and Test.
/// </summary>
public sealed class DagmLayout : IDatasetLayout
{
    private const string ClassPrefix = "Class";
    private const string LabelFolder = "Label";
    private const string LabelsFile = "Labels.txt";
    private const string LabelSuffix = "_label";

    /// <inheritdoc />
    public string Name => "dagm";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => Classes(root).Count > 0;

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root)
    {
        var samples = new List<Sample>();
        var categories = new List<CategoryInfo>();
        foreach (var (category, classPath) in Classes(root))
        {
            categories.Add(CategoryInfo.Plain(category));
            foreach (var splitFolder in root.ListDirectories(classPath))
            {
                if (SplitFolders.Parse(splitFolder) is { } split)
                {
                    ReadSplit(root, category, DatasetRoot.Join(classPath, splitFolder), split, samples);
                }
            }
        }

        return new DatasetScan(Name, root.FullPath, categories, samples);
    }

    private static void ReadSplit(DatasetRoot root, string category, string splitPath, DatasetSplit split, List<Sample> samples)
    {
        var labelPath = ImageFiles.FindFolder(root, splitPath, LabelFolder) is { } folder ? DatasetRoot.Join(splitPath, folder) : null;
        var labelFiles = labelPath is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : ImageFiles.List(root, labelPath).ToDictionary(ImageFiles.Stem, StringComparer.Ordinal);
        var listed = labelPath is null
            ? new Dictionary<string, (bool Defective, string? LabelFile)>(StringComparer.OrdinalIgnoreCase)
            : ReadLabels(root, DatasetRoot.Join(labelPath, LabelsFile));
        var images = ImageFiles.List(root, splitPath);
        var onDisk = images.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in listed.Keys)
        {
            if (!onDisk.Contains(name))
            {
                throw new MissingImageException(DatasetRoot.Join(splitPath, name), DatasetRoot.Join(labelPath!, LabelsFile));
            }
        }

        foreach (var image in images)
        {
            var stem = ImageFiles.Stem(image);
            var imagePath = DatasetRoot.Join(splitPath, image);
            var conventional = labelFiles.GetValueOrDefault(stem + LabelSuffix);
            string? mask;
            if (listed.TryGetValue(image, out var entry))
            {
                mask = !entry.Defective ? null : entry.LabelFile ?? conventional;
                if (entry.Defective && (mask is null || !root.IsFile(DatasetRoot.Join(labelPath!, mask))))
                {
                    throw new MissingMaskException(imagePath, DatasetRoot.Join(labelPath!, mask ?? stem + LabelSuffix + Path.GetExtension(image)));
                }
            }
            else
            {
                mask = conventional;
            }

            samples.Add(Sample.SingleView(
                SampleId.Of([category, SplitNames.Token(split), stem]),
                category,
                split,
                mask is null ? SampleLabel.Normal : SampleLabel.Anomalous,
                defectType: null,
                subclass: null,
                imagePath,
                mask is null ? [] : [DatasetRoot.Join(labelPath!, mask)]));
        }
    }

    /// <summary>Image file name (case-insensitive) → (defective, label file or null), from <c>Labels.txt</c> when present.</summary>
    private static Dictionary<string, (bool Defective, string? LabelFile)> ReadLabels(DatasetRoot root, string path)
    {
        var entries = new Dictionary<string, (bool, string?)>(StringComparer.OrdinalIgnoreCase);
        if (!root.IsFile(path))
        {
            return entries;
        }

        var lines = root.ReadAllText(path).Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 5)
            {
                fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            }

            if (fields.Length < 5 || fields[1].Trim() is not ("0" or "1"))
            {
                throw new DatasetFormatException(path, $"line {i + 1}: expected 5 TAB-separated fields with flag 0 or 1, found '{line}'");
            }

            var labelFile = fields[4].Trim();
            entries[fields[2].Trim()] = (fields[1].Trim() == "1", labelFile == "0" ? null : labelFile);
        }

        return entries;
    }

    /// <summary>(class name, root-relative folder holding Train/Test), following a nested <c>ClassN/ClassN</c>.</summary>
    private static List<(string Name, string Path)> Classes(DatasetRoot root)
    {
        var classes = new List<(string, string)>();
        foreach (var folder in root.ListDirectories(string.Empty))
        {
            if (!folder.StartsWith(ClassPrefix, StringComparison.Ordinal) || !int.TryParse(folder.AsSpan(ClassPrefix.Length), out _))
            {
                continue;
            }

            var nested = DatasetRoot.Join(folder, folder);
            var classPath = HasSplits(root, folder) ? folder : HasSplits(root, nested) ? nested : null;
            if (classPath is not null)
            {
                classes.Add((folder, classPath));
            }
        }

        return classes;
    }

    private static bool HasSplits(DatasetRoot root, string folder) =>
        root.IsDirectory(folder)
        && ImageFiles.FindFolder(root, folder, "Train") is not null
        && ImageFiles.FindFolder(root, folder, "Test") is not null;
}
