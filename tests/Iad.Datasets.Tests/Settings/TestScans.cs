using Iad.Datasets.Model;

namespace Iad.Datasets.Tests.Settings;

/// <summary>The shape of one single-view category: shipped train normals, test normals and test anomalies per defect type.</summary>
public sealed record CategoryShape(string Name, int TrainNormal, int TestNormal, params (string Type, int Count)[] Defects)
{
    public int TrainAnomalous { get; init; }

    /// <summary>Ships every sample of the category as <see cref="DatasetSplit.Unsplit"/> (MTD, KolektorSDD).</summary>
    public bool Unsplit { get; init; }

    public int TestAnomalous => Defects.Sum(static d => d.Count);
}

/// <summary>In-memory scans shaped like the public layouts; every anomalous view has a mask.</summary>
public static class TestScans
{
    public const string Root = "/data/mini";

    /// <summary>An MVTec-AD-like single-view scan.</summary>
    public static DatasetScan Mvtec(params CategoryShape[] categories)
    {
        var samples = new List<Sample>();
        foreach (var c in categories)
        {
            var train = c.Unsplit ? DatasetSplit.Unsplit : DatasetSplit.Train;
            var test = c.Unsplit ? DatasetSplit.Unsplit : DatasetSplit.Test;
            for (var i = 0; i < c.TrainNormal; i++)
            {
                samples.Add(Single(c.Name, train, "good", i, SampleLabel.Normal));
            }

            for (var i = 0; i < c.TrainAnomalous; i++)
            {
                samples.Add(Single(c.Name, train, "bad", i, SampleLabel.Anomalous));
            }

            for (var i = 0; i < c.TestNormal; i++)
            {
                samples.Add(Single(c.Name, test, "good", 1000 + i, SampleLabel.Normal));
            }

            foreach (var (type, count) in c.Defects)
            {
                for (var i = 0; i < count; i++)
                {
                    samples.Add(Single(c.Name, test, type, i, SampleLabel.Anomalous));
                }
            }
        }

        return new DatasetScan("mvtec_ad", Root, categories.Select(static c => CategoryInfo.Plain(c.Name)), samples);
    }

    /// <summary>
    /// A Real-IAD-like scan: <paramref name="normal"/> + <paramref name="anomalous"/> samples of five views C1…C5, half of
    /// each shipped as train (normal only in train unless <paramref name="anomalousInTrain"/>). Anomalous sample i shows
    /// its defect on views C(1 + i mod 5) and C(1 + (i + 1) mod 5) only.
    /// </summary>
    public static DatasetScan MultiView(string category, int normal, int anomalous, int anomalousInTrain = 0)
    {
        var samples = new List<Sample>();
        for (var i = 0; i < normal; i++)
        {
            samples.Add(Multi(category, i % 2 == 0 ? DatasetSplit.Train : DatasetSplit.Test, $"{category}_{i:D4}_OK", -1));
        }

        for (var i = 0; i < anomalous; i++)
        {
            samples.Add(Multi(category, i < anomalousInTrain ? DatasetSplit.Train : DatasetSplit.Test, $"{category}_{i:D4}_NG_HS", i));
        }

        return new DatasetScan("real_iad", Root, [CategoryInfo.Plain(category)], samples);
    }

    /// <summary>A Texture-AD-like scan: each subclass has train normals and test normals + anomalies.</summary>
    public static DatasetScan Textures(string category, int trainNormal, int testNormal, int testAnomalous, params string[] subclasses)
    {
        var samples = new List<Sample>();
        foreach (var subclass in subclasses)
        {
            void Add(DatasetSplit split, string label, int count, SampleLabel sampleLabel)
            {
                for (var i = 0; i < count; i++)
                {
                    var id = SampleId.Of(category, subclass, SplitNames.Token(split), label, $"{i:D3}");
                    var masks = sampleLabel == SampleLabel.Anomalous ? new[] { id + "_mask.png" } : [];
                    samples.Add(Sample.SingleView(id, category, split, sampleLabel, sampleLabel == SampleLabel.Anomalous ? label : null, subclass, id + ".png", masks));
                }
            }

            Add(DatasetSplit.Train, "normal", trainNormal, SampleLabel.Normal);
            Add(DatasetSplit.Test, "normal", testNormal, SampleLabel.Normal);
            Add(DatasetSplit.Test, "defect", testAnomalous, SampleLabel.Anomalous);
        }

        return new DatasetScan("texture_ad", Root, [CategoryInfo.Plain(category)], samples);
    }

    private static Sample Single(string category, DatasetSplit split, string group, int index, SampleLabel label)
    {
        var id = SampleId.Of(category, split, group, $"{index:D3}");
        string[] masks = label == SampleLabel.Anomalous ? [$"{category}/ground_truth/{group}/{index:D3}_mask.png"] : [];
        return Sample.SingleView(id, category, split, label, label == SampleLabel.Anomalous ? group : null, null, id + ".png", masks);
    }

    private static Sample Multi(string category, DatasetSplit split, string name, int anomalyIndex)
    {
        var views = new View[5];
        for (var v = 0; v < 5; v++)
        {
            var anomalous = anomalyIndex >= 0 && (v == anomalyIndex % 5 || v == (anomalyIndex + 1) % 5);
            var path = $"{category}/S{name}/{name}_C{v + 1}.jpg";
            views[v] = new View($"C{v + 1}", path, anomalous ? [path.Replace(".jpg", ".png")] : [], anomalous ? SampleLabel.Anomalous : SampleLabel.Normal);
        }

        return new Sample(SampleId.Of(category, SplitNames.Token(split), name), category, split, anomalyIndex >= 0 ? "HS" : null, null, views);
    }
}
