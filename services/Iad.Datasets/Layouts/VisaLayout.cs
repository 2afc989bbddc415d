using Iad.Datasets.Errors;
using Iad.Datasets.Layouts.Common;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// VisA, raw tree with the official split file <c>split_csv/1cls.csv</c> (header <c>object,split,label,image,mask</c>;
/// split <c>train</c>/<c>test</c>; label <c>normal</c>/<c>anomaly</c>; paths relative to the root, e.g.
/// <c>candle/Data/Images/Normal/0836.JPG</c>; mask empty for normal rows). The CSV alone decides membership, split and
/// label; every listed image must exist, every anomaly row must name an existing mask. Raw masks are class-index maps
/// (values 1…K), hence binarize with value &gt; 0. Defect types come from <c>&lt;object&gt;/image_anno.csv</c>
/// (<c>image,label,mask</c>; several defects joined by commas, kept verbatim) when present, else null.
/// Sample id <c>&lt;object&gt;/&lt;split&gt;/&lt;normal|anomaly&gt;/&lt;stem&gt;</c>: the label keeps 3-digit normal stems apart from
/// the anomaly stems they collide with. Detected by the presence of the split file.
/// The prepared "1cls" tree is a generic folder tree (see <see cref="FolderLayout"/>).
/// </summary>
public sealed class VisaLayout : IDatasetLayout
{
    /// <summary>Root-relative path of the one-class split file.</summary>
    public const string SplitFile = "split_csv/1cls.csv";

    /// <summary>Per-object annotation file giving defect names.</summary>
    public const string AnnotationFile = "image_anno.csv";

    /// <inheritdoc />
    public string Name => "visa";

    /// <inheritdoc />
    public bool CanRead(DatasetRoot root) => root.IsFile(SplitFile);

    /// <inheritdoc />
    public DatasetScan Read(DatasetRoot root)
    {
        var table = CsvTable.Read(root, SplitFile);
        int objectColumn = table.Column("object"), splitColumn = table.Column("split"), labelColumn = table.Column("label");
        int imageColumn = table.Column("image"), maskColumn = table.Column("mask");
        var annotations = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        foreach (var (line, fields) in table.Rows)
        {
            var category = CsvTable.Field(fields, objectColumn);
            var split = CsvTable.Field(fields, splitColumn) switch
            {
                "train" => DatasetSplit.Train,
                "test" => DatasetSplit.Test,
                var other => throw new DatasetFormatException(SplitFile, $"line {line}: split '{other}' is neither 'train' nor 'test'"),
            };
            var labelText = CsvTable.Field(fields, labelColumn);
            var label = labelText switch
            {
                "normal" => SampleLabel.Normal,
                "anomaly" => SampleLabel.Anomalous,
                _ => throw new DatasetFormatException(SplitFile, $"line {line}: label '{labelText}' is neither 'normal' nor 'anomaly'"),
            };
            var image = CsvTable.Field(fields, imageColumn);
            if (category.Length == 0 || image.Length == 0)
            {
                throw new DatasetFormatException(SplitFile, $"line {line}: empty object or image");
            }

            if (!root.IsFile(image))
            {
                throw new MissingImageException(image, SplitFile);
            }

            var mask = CsvTable.Field(fields, maskColumn);
            string? defectType = null;
            if (label == SampleLabel.Anomalous)
            {
                if (mask.Length == 0 || !root.IsFile(mask))
                {
                    throw new MissingMaskException(image, mask.Length == 0 ? $"{SplitFile} line {line}: empty mask column" : mask);
                }

                if (!annotations.TryGetValue(category, out var defects))
                {
                    defects = ReadAnnotations(root, category);
                    annotations[category] = defects;
                }

                defectType = defects.GetValueOrDefault(image);
            }

            samples.Add(Sample.SingleView(
                SampleId.Of(category, split, labelText, ImageFiles.Stem(image)),
                category,
                split,
                label,
                defectType,
                subclass: null,
                image,
                mask.Length == 0 ? [] : [mask]));
        }

        var categories = samples.Select(static s => s.Category).Distinct(StringComparer.Ordinal).Select(CategoryInfo.Plain);
        return new DatasetScan(Name, root.FullPath, categories, samples);
    }

    /// <summary>Root-relative image path → defect label, from <c>&lt;object&gt;/image_anno.csv</c> (empty when absent).</summary>
    private static Dictionary<string, string> ReadAnnotations(DatasetRoot root, string category)
    {
        var defects = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = DatasetRoot.Join(category, AnnotationFile);
        if (!root.IsFile(path))
        {
            return defects;
        }

        var table = CsvTable.Read(root, path);
        int imageColumn = table.Column("image"), labelColumn = table.Column("label");
        foreach (var (_, fields) in table.Rows)
        {
            var image = CsvTable.Field(fields, imageColumn);
            var label = CsvTable.Field(fields, labelColumn);
            if (image.Length == 0 || label.Length == 0 || label == "normal")
            {
                continue;
            }

            // The annotation file names images relative to the VisA root or to its object folder; key by the root-relative form.
            var rooted = image.StartsWith(category + "/", StringComparison.Ordinal) ? image : DatasetRoot.Join(category, image);
            defects[rooted] = label;
        }

        return defects;
    }
}
