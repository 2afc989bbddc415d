using System.Globalization;
using System.Text.Json;
using Iad.Imaging.Encoding;
using Iad.Synthetic.Categories;
using Iad.Synthetic.Generation;

namespace Iad.Synthetic.Layouts;

/// <summary>
/// Real-IAD-style multi-view tree (five views C1–C5 per sample, C1 top-down):
/// <code>
/// &lt;root&gt;/realiad_&lt;size&gt;/&lt;category&gt;/OK/S0001/&lt;category&gt;_0001_OK_C1_&lt;timestamp&gt;.jpg
/// &lt;root&gt;/realiad_&lt;size&gt;/&lt;category&gt;/NG/&lt;code&gt;/S0081/&lt;category&gt;_0081_NG_&lt;code&gt;_C1_&lt;timestamp&gt;.jpg (+ .png mask where visible)
/// &lt;root&gt;/realiad_jsons/&lt;category&gt;.json      multi-view split: meta, train (normal samples), test
/// &lt;root&gt;/realiad_jsons_sv/&lt;category&gt;.json   the same restricted to C1
/// </code>
/// Views of an NG sample that do not show the defect are listed with <c>anomaly_class</c> "OK" and a null
/// <c>mask_path</c> while their files stay under <c>NG/</c>, as in the real dataset; a sample is anomalous when any view is.
/// Sample numbers run over train, test-normal and test-anomalous samples in that order; timestamps are synthetic and
/// fixed. Images are JPEG (quality 95) because masks share their stem with a <c>.png</c> suffix.
/// </summary>
public static class RealIadLayoutWriter
{
    /// <summary>Real-IAD defect codes used for the synthetic defect types.</summary>
    public static string CodeOf(string defectType) => defectType switch
    {
        DefectTypes.Scratch => "HS",
        DefectTypes.Spot => "AK",
        DefectTypes.Crack => "PS",
        DefectTypes.MissingPart => "QS",
        DefectTypes.Contamination => "ZW",
        _ => throw new ArgumentException($"Unknown defect type '{defectType}'.", nameof(defectType)),
    };

    private static readonly DateTime Epoch = new(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified);

    public static void Write(SyntheticSampleFactory factory, string root)
    {
        var options = factory.Options;
        var imageRoot = Path.Combine(root, "realiad_" + options.ImageSize.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < options.Categories; c++)
        {
            var category = SyntheticCategories.Name(c);
            var train = new List<Entry>();
            var test = new List<Entry>();
            var number = 0;
            for (var i = 0; i < options.TrainGood; i++) train.AddRange(WriteSample(factory, imageRoot, category, c, false, i, ++number));
            for (var i = 0; i < options.TestGood; i++) test.AddRange(WriteSample(factory, imageRoot, category, c, false, options.TrainGood + i, ++number));
            for (var i = 0; i < options.TestDefective; i++) test.AddRange(WriteSample(factory, imageRoot, category, c, true, i, ++number));
            TreeWriter.Write(root, Path.Combine("realiad_jsons", category + ".json"), SplitJson(category, train, test));
            TreeWriter.Write(root, Path.Combine("realiad_jsons_sv", category + ".json"),
                SplitJson(category, [.. train.Where(e => e.View == 1)], [.. test.Where(e => e.View == 1)]));
        }
    }

    private sealed record Entry(string Category, string AnomalyClass, string ImagePath, string? MaskPath, int View);

    private static List<Entry> WriteSample(
        SyntheticSampleFactory factory, string imageRoot, string category, int c, bool anomalous, int index, int number)
    {
        var views = factory.CreateMultiView(c, anomalous, index);
        var id = number.ToString("D4", CultureInfo.InvariantCulture);
        var code = anomalous ? CodeOf(factory.DefectTypesOf(c)[index % factory.DefectTypesOf(c).Count]) : null;
        var folder = anomalous ? $"NG/{code}/S{id}" : $"OK/S{id}";
        var stemPrefix = anomalous ? $"{category}_{id}_NG_{code}" : $"{category}_{id}_OK";
        var entries = new List<Entry>(views.Count);
        for (var v = 0; v < views.Count; v++)
        {
            var timestamp = Epoch.AddSeconds(number * 10 + v).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var stem = $"{folder}/{stemPrefix}_C{v + 1}_{timestamp}";
            TreeWriter.Write(imageRoot, Path.Combine(category, stem + ".jpg"), ImageEncoder.EncodeJpeg(views[v].Image));
            string? maskPath = null;
            if (views[v].Mask is { } mask)
            {
                maskPath = stem + ".png";
                TreeWriter.Write(imageRoot, Path.Combine(category, maskPath), ImageEncoder.EncodePng(mask));
            }
            entries.Add(new Entry(category, maskPath is null ? "OK" : code!, stem + ".jpg", maskPath, v + 1));
        }
        return entries;
    }

    private static byte[] SplitJson(string category, IReadOnlyList<Entry> train, IReadOnlyList<Entry> test)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("meta");
            json.WriteString("prefix", category + "/");
            json.WriteString("normal_class", "OK");
            json.WriteEndObject();
            WriteEntries(json, "train", train);
            WriteEntries(json, "test", test);
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteEntries(Utf8JsonWriter json, string name, IReadOnlyList<Entry> entries)
    {
        json.WriteStartArray(name);
        foreach (var e in entries)
        {
            json.WriteStartObject();
            json.WriteString("category", e.Category);
            json.WriteString("anomaly_class", e.AnomalyClass);
            json.WriteString("image_path", e.ImagePath);
            if (e.MaskPath is null) json.WriteNull("mask_path");
            else json.WriteString("mask_path", e.MaskPath);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
