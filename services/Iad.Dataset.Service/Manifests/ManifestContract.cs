using Google.Protobuf;
using Iad.Dataset.Service.Settings;
using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Imaging.Perturbations;
using Wire = Iad.Contracts.V1;

namespace Iad.Dataset.Service.Manifests;

/// <summary>The one mapping of library manifests to their wire forms (GetManifest, BuildSetting counts, stream items).</summary>
public static class ManifestContract
{
    /// <summary>The full wire manifest: resolved spec, one item per image (<see cref="SplitImage"/>), figures, canonical bytes.</summary>
    public static Wire.Manifest ToContract(Manifest manifest)
    {
        var wire = new Wire.Manifest
        {
            Sha256 = manifest.Sha256,
            Spec = SpecMapping.ToContract(manifest.Spec),
            CanonicalJson = ByteString.CopyFrom(manifest.CanonicalJson.Span),
        };
        foreach (var (key, value) in manifest.Achieved) wire.Achieved[key] = value;
        foreach (var task in manifest.Tasks)
        {
            var wireTask = new Wire.ManifestTask { Index = task.Index, Name = task.Name };
            foreach (var split in task.Splits)
            {
                var wireSplit = new Wire.ManifestSplit { Split = Split(split.Split) };
                foreach (var image in SplitImage.Of(split))
                {
                    var item = new Wire.ManifestItem { Id = image.Id, Label = Label(image.Label), SampleId = image.Item.SampleId };
                    item.Perturbations.AddRange(image.View.Perturbations.Select(Perturbation));
                    wireSplit.Items.Add(item);
                }
                wireTask.Splits.Add(wireSplit);
            }
            wire.Tasks.Add(wireTask);
        }
        return wire;
    }

    /// <summary>Images per <c>&lt;task&gt;/&lt;split&gt;/&lt;label&gt;</c> (labels as the setting tells them); only non-zero counts appear.</summary>
    public static Dictionary<string, int> Counts(Manifest manifest)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in manifest.Tasks)
        {
            foreach (var split in task.Splits)
            {
                foreach (var image in SplitImage.Of(split))
                {
                    var key = $"{task.Name}/{ManifestJson.Token(split.Split)}/{ManifestJson.Token(image.Label)}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }
        return counts;
    }

    public static Wire.Perturbation Perturbation(Perturbation perturbation)
    {
        var wire = new Wire.Perturbation { Kind = perturbation.Kind };
        foreach (var (key, value) in perturbation.Parameters) wire.Parameters[key] = value;
        return wire;
    }

    public static Wire.Label Label(SampleLabel label) => label == SampleLabel.Anomalous ? Wire.Label.Anomalous : Wire.Label.Normal;

    public static Wire.Split Split(SettingSplit split) => split switch
    {
        SettingSplit.Train => Wire.Split.Train,
        SettingSplit.Validation => Wire.Split.Validation,
        _ => Wire.Split.Test,
    };

    /// <summary>The setting split of a wire split.</summary>
    /// <exception cref="ArgumentException">SPLIT_UNSPECIFIED or a value outside the contract.</exception>
    public static SettingSplit Split(Wire.Split split) => split switch
    {
        Wire.Split.Train => SettingSplit.Train,
        Wire.Split.Validation => SettingSplit.Validation,
        Wire.Split.Test => SettingSplit.Test,
        _ => throw new ArgumentException($"split must be TRAIN, VALIDATION or TEST, got {split} ({(int)split})"),
    };
}
