using System.Text;

namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>Where the Real-IAD split JSONs sit relative to the images, per loader.</summary>
    public enum RealIadPlacement
    {
        /// <summary><c>realiad_jsons/&lt;cat&gt;.json</c> beside <c>realiad_1024/&lt;cat&gt;/</c>.</summary>
        Official,

        /// <summary><c>realiad_jsons/realiad_jsons/&lt;cat&gt;.json</c> beside <c>realiad_256/&lt;cat&gt;/</c>.</summary>
        Anomalib,

        /// <summary><c>&lt;cat&gt;.json</c> beside <c>&lt;cat&gt;/</c> at the root.</summary>
        Ader,
    }

    /// <summary>
    /// Real-IAD: <c>audiojack</c> with one OK sample in train, one OK and one NG sample (double underscore after the
    /// category) in test, where the defect shows in C1 and C2 only and C3–C5 are labelled OK with a null mask although
    /// their files sit under <c>NG/</c>; <c>toy</c> (single underscore) with one NG sample visible in C1.
    /// </summary>
    public static TempTree RealIad(RealIadPlacement placement = RealIadPlacement.Official)
    {
        var tree = new TempTree();
        var (jsons, images) = placement switch
        {
            RealIadPlacement.Official => ("realiad_jsons", "realiad_1024"),
            RealIadPlacement.Anomalib => ("realiad_jsons/realiad_jsons", "realiad_256"),
            _ => (string.Empty, string.Empty),
        };

        string Under(string folder, string path) => folder.Length == 0 ? path : folder + "/" + path;

        var audiojack = new RealIadJson("audiojack");
        audiojack.Add(tree, Under(images, "audiojack"), "train", "OK/S0001/audiojack_0001_OK", "OK", defectViews: 0);
        audiojack.Add(tree, Under(images, "audiojack"), "test", "OK/S0002/audiojack_0002_OK", "OK", defectViews: 0);
        audiojack.Add(tree, Under(images, "audiojack"), "test", "NG/HS/S0064/audiojack__0064_NG_HS", "HS", defectViews: 2);
        tree.Text(Under(jsons, "audiojack.json"), audiojack.ToJson());

        var toy = new RealIadJson("toy");
        toy.Add(tree, Under(images, "toy"), "train", "OK/S0001/toy_0001_OK", "OK", defectViews: 0);
        toy.Add(tree, Under(images, "toy"), "test", "NG/AK/S0003/toy_0003_NG_AK", "AK", defectViews: 1);
        tree.Text(Under(jsons, "toy.json"), toy.ToJson());
        return tree;
    }

    /// <summary>Builds one category's split JSON while writing its files.</summary>
    private sealed class RealIadJson(string category)
    {
        private readonly StringBuilder _train = new();
        private readonly StringBuilder _test = new();

        /// <summary>Adds five views C1–C5; the first <paramref name="defectViews"/> carry the defect and a mask.</summary>
        public void Add(TempTree tree, string categoryFolder, string split, string stemPrefix, string anomalyClass, int defectViews)
        {
            var entries = split == "train" ? _train : _test;
            for (var view = 1; view <= 5; view++)
            {
                var image = $"{stemPrefix}_C{view}_2023102113{view:D4}.jpg";
                tree.Images($"{categoryFolder}/{image}");
                var visible = view <= defectViews;
                var mask = visible ? $"\"{image[..^4]}.png\"" : "null";
                if (visible)
                {
                    tree.Images($"{categoryFolder}/{image[..^4]}.png");
                }

                entries.Append(entries.Length == 0 ? string.Empty : ",\n")
                    .Append($$"""    {"category": "{{category}}", "anomaly_class": "{{(visible ? anomalyClass : "OK")}}", "image_path": "{{image}}", "mask_path": {{mask}}}""");
            }
        }

        public string ToJson() =>
            $$"""
            {
              "meta": {"prefix": "{{category}}/", "normal_class": "OK"},
              "train": [
            {{_train}}
              ],
              "test": [
            {{_test}}
              ]
            }
            """;
    }
}
