using System.Security.Cryptography;
using Iad.Datasets.Model;
using Iad.Datasets.Settings.Specs;
using Iad.Imaging.Perturbations;

namespace Iad.Datasets.Settings.Manifests;

/// <summary>
/// The canonical JSON form of a manifest (<see cref="CanonicalJson"/> rules) and its hash. Top level:
/// <c>{"achieved":{…},"format":"iad.manifest.v1","layout":…,"spec":{…},"tasks":[…]}</c>. A task is
/// <c>{"index","name","splits":[{"items":[…],"split":"train|validation|test"}]}</c>; an item is
/// <c>{"defect_type"?,"ground_truth","id","label","sample_id","subclass"?,"views":[{"id","image","label","masks":[…],
/// "perturbations":[{"kind","parameters":{…}}]}]}</c> with labels <c>normal</c>/<c>anomalous</c>; null fields are
/// left out. The spec lists every resolved parameter, including the few-shot augmentation ranges and the drift ranges
/// of <see cref="DriftRanges"/>. Nothing machine-specific (such as the dataset's absolute root) is included.
/// </summary>
public static class ManifestJson
{
    /// <summary>Format tag written at the top level; changes when the layout of this form changes.</summary>
    public const string Format = "iad.manifest.v1";

    /// <summary>The canonical UTF-8 JSON bytes.</summary>
    public static byte[] Serialize(string layout, SettingSpec spec, IReadOnlyList<ManifestTask> tasks, IReadOnlyDictionary<string, double> achieved) =>
        CanonicalJson.Serialize(new Dictionary<string, object?>
        {
            ["achieved"] = achieved,
            ["format"] = Format,
            ["layout"] = layout,
            ["spec"] = SpecJson(spec),
            ["tasks"] = tasks.Select(TaskJson).ToArray(),
        });

    /// <summary>Lowercase hex SHA-256 of <paramref name="canonicalJson"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(canonicalJson));

    /// <summary>Token of a label: <c>normal</c> or <c>anomalous</c>.</summary>
    public static string Token(SampleLabel label) => label == SampleLabel.Anomalous ? "anomalous" : "normal";

    /// <summary>Token of a split: <c>train</c>, <c>validation</c> or <c>test</c>.</summary>
    public static string Token(SettingSplit split) => split switch
    {
        SettingSplit.Train => "train",
        SettingSplit.Validation => "validation",
        _ => "test",
    };

    private static Dictionary<string, object?> SpecJson(SettingSpec spec)
    {
        var json = new Dictionary<string, object?>
        {
            ["categories"] = spec.Categories,
            ["dataset"] = spec.Dataset,
            ["drift"] = DriftJson(spec.Drift),
            ["input"] = WithoutNulls(new()
            {
                ["center_crop"] = spec.Input.CenterCrop,
                ["image_size"] = spec.Input.ImageSize,
                ["method"] = spec.Input.Method,
                ["profile"] = spec.Input.Profile,
                ["train_fraction"] = spec.Input.TrainFraction,
            }),
            ["multi_view"] = WithoutNulls(new()
            {
                ["aggregation"] = spec.MultiView.Aggregation == ViewAggregation.Mean ? "mean" : "max",
                ["single_view"] = spec.MultiView.SingleView,
            }),
            ["regime"] = RegimeJson(spec.Regime),
            ["seed"] = spec.Seed,
            ["unsplit_test_fraction"] = spec.UnsplitTestFraction,
        };
        if (spec.Continual is not null)
        {
            json["continual"] = new Dictionary<string, object?> { ["task_order"] = spec.Continual.TaskOrder };
        }

        if (spec.Validation is not null)
        {
            json["validation"] = new Dictionary<string, object?> { ["fraction"] = spec.Validation.Fraction };
        }

        return WithoutNulls(json);
    }

    private static Dictionary<string, object?> RegimeJson(RegimeOptions regime)
    {
        var json = new Dictionary<string, object?> { ["kind"] = regime.Kind };
        switch (regime)
        {
            case FullySupervisedOptions supervised:
                json["anomalies"] = supervised.Anomalies;
                json["use_dataset_train_anomalies"] = supervised.UseDatasetTrainAnomalies;
                break;
            case FewShotOptions fewShot:
                json["shots"] = fewShot.Shots;
                json["copies"] = fewShot.Copies;
                if (fewShot.Copies > 0)
                {
                    json["augmentation"] = AugmentationJson(fewShot.Augmentation);
                }

                break;
            case NoisyOptions noisy:
                json["mode"] = noisy.Mode == NoiseMode.Add ? "add" : "replace";
                json["ratio"] = noisy.Ratio;
                json["max_test_anomaly_share"] = noisy.MaxTestAnomalyShare;
                break;
            case FuiadOptions fuiad:
                json["alpha"] = fuiad.Alpha;
                json["alpha_max"] = fuiad.AlphaMax;
                json["test_normal_samples"] = fuiad.TestNormalSamples;
                json["test_anomalous_samples"] = fuiad.TestAnomalousSamples;
                json["use_dataset_splits"] = fuiad.UseDatasetSplits;
                break;
            case CrossSubclassOptions cross:
                json["train_subclasses"] = cross.TrainSubclasses;
                json["test_subclasses"] = cross.TestSubclasses;
                break;
        }

        return json;
    }

    private static Dictionary<string, object?> AugmentationJson(AugmentationOptions options) => new()
    {
        ["color_jitter"] = options.ColorJitter,
        ["color_jitter_strength"] = options.ColorJitterStrength,
        ["flip"] = options.Flip,
        ["max_rotation_degrees"] = options.MaxRotationDegrees,
        ["max_scale_change"] = options.MaxScaleChange,
        ["max_translate_fraction"] = options.MaxTranslateFraction,
        ["perspective"] = options.Perspective,
        ["perspective_distortion"] = options.PerspectiveDistortion,
        ["rotation"] = options.Rotation,
        ["scale"] = options.Scale,
        ["translate"] = options.Translate,
    };

    private static Dictionary<string, object?> DriftJson(bool enabled) => !enabled
        ? new() { ["enabled"] = false }
        : new()
        {
            ["blur_kernel_size"] = DriftRanges.BlurKernelSize,
            ["blur_sigma"] = new[] { DriftRanges.BlurSigmaMin, DriftRanges.BlurSigmaMax },
            ["crop_scale"] = new[] { DriftRanges.CropScaleMin, DriftRanges.CropScaleMax },
            ["enabled"] = true,
            ["jitter"] = new[] { DriftRanges.JitterMin, DriftRanges.JitterMax },
            ["noise_mean"] = DriftRanges.NoiseMean,
            ["noise_scale"] = new[] { DriftRanges.NoiseScaleMin, DriftRanges.NoiseScaleMax },
            ["noise_std"] = DriftRanges.NoiseStd,
            ["perspective_distortion"] = DriftRanges.PerspectiveDistortion,
            ["rotation_max_degrees"] = DriftRanges.RotationMaxDegrees,
            ["shadow_brightness_factor"] = DriftRanges.ShadowBrightnessFactor,
            ["shadow_layers"] = DriftRanges.ShadowLayers,
            ["shadow_vertices"] = DriftRanges.ShadowVertices,
        };

    private static Dictionary<string, object?> TaskJson(ManifestTask task) => new()
    {
        ["index"] = task.Index,
        ["name"] = task.Name,
        ["splits"] = task.Splits.Select(static split => new Dictionary<string, object?>
        {
            ["items"] = split.Items.Select(ItemJson).ToArray(),
            ["split"] = Token(split.Split),
        }).ToArray(),
    };

    private static Dictionary<string, object?> ItemJson(ManifestItem item) => WithoutNulls(new()
    {
        ["defect_type"] = item.DefectType,
        ["ground_truth"] = Token(item.GroundTruth),
        ["id"] = item.Id,
        ["label"] = Token(item.Label),
        ["sample_id"] = item.SampleId,
        ["subclass"] = item.Subclass,
        ["views"] = item.Views.Select(static view => new Dictionary<string, object?>
        {
            ["id"] = view.Id,
            ["image"] = view.ImagePath,
            ["label"] = Token(view.Label),
            ["masks"] = view.MaskPaths,
            ["perturbations"] = view.Perturbations.Select(static p => new Dictionary<string, object?>
            {
                ["kind"] = p.Kind,
                ["parameters"] = p.Parameters,
            }).ToArray(),
        }).ToArray(),
    });

    private static Dictionary<string, object?> WithoutNulls(Dictionary<string, object?> json)
    {
        foreach (var key in json.Where(static p => p.Value is null).Select(static p => p.Key).ToArray())
        {
            json.Remove(key);
        }

        return json;
    }
}
