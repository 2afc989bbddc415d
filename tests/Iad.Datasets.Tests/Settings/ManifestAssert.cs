using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;

namespace Iad.Datasets.Tests.Settings;

/// <summary>Helpers over manifest splits.</summary>
public static class ManifestAssert
{
    public static string[] Ids(this ManifestSplit split) => split.Items.Select(static i => i.Id).ToArray();

    public static int CountTruth(this ManifestSplit split, SampleLabel truth) => split.Items.Count(i => i.GroundTruth == truth);

    /// <summary>Asserts that no sample appears in two splits of the task.</summary>
    public static void Disjoint(ManifestTask task)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var split in task.Splits)
        {
            foreach (var sampleId in split.Items.Select(static i => i.SampleId).Distinct())
            {
                Assert.True(seen.Add(sampleId), $"sample {sampleId} appears in two splits");
            }
        }
    }
}
