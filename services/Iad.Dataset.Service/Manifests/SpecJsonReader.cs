using System.Text.Json;
using Iad.Datasets.Settings.Specs;
using Iad.Imaging.Perturbations;

namespace Iad.Dataset.Service.Manifests;

/// <summary>
/// Reads the <c>spec</c> object of a canonical manifest (written by <c>ManifestJson</c>) back into the resolved
/// <see cref="SettingSpec"/>: every key the writer emits is read, absent optional keys become null.
/// </summary>
internal static class SpecJsonReader
{
    public static SettingSpec Read(JsonElement spec)
    {
        var input = spec.GetProperty("input");
        var multiView = spec.GetProperty("multi_view");
        return new SettingSpec(spec.GetProperty("dataset").GetString()!)
        {
            Categories = Strings(spec.GetProperty("categories")),
            Seed = spec.GetProperty("seed").GetInt32(),
            Regime = Regime(spec.GetProperty("regime")),
            Continual = spec.TryGetProperty("continual", out var continual)
                ? new ContinualOptions { TaskOrder = Strings(continual.GetProperty("task_order")) }
                : null,
            Drift = spec.GetProperty("drift").GetProperty("enabled").GetBoolean(),
            Validation = spec.TryGetProperty("validation", out var validation)
                ? new ValidationOptions(validation.GetProperty("fraction").GetDouble())
                : null,
            MultiView = new MultiViewOptions(
                multiView.GetProperty("aggregation").GetString() == "mean" ? ViewAggregation.Mean : ViewAggregation.Max,
                OptionalString(multiView, "single_view")),
            Input = new InputOptions(
                ImageSize: input.GetProperty("image_size").GetInt32(),
                CenterCrop: input.GetProperty("center_crop").GetInt32(),
                TrainFraction: input.GetProperty("train_fraction").GetDouble(),
                Profile: OptionalString(input, "profile"),
                Method: OptionalString(input, "method")),
            UnsplitTestFraction = spec.GetProperty("unsplit_test_fraction").GetDouble(),
        };
    }

    public static string[] Strings(JsonElement array)
    {
        var strings = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray()) strings[i++] = element.GetString()!;
        return strings;
    }

    public static string? OptionalString(JsonElement json, string key) =>
        json.TryGetProperty(key, out var value) ? value.GetString() : null;

    private static RegimeOptions Regime(JsonElement regime)
    {
        var kind = regime.GetProperty("kind").GetString();
        return kind switch
        {
            "unsupervised" => new UnsupervisedOptions(),
            "fully_supervised" => new FullySupervisedOptions(
                regime.GetProperty("anomalies").GetInt32(), regime.GetProperty("use_dataset_train_anomalies").GetBoolean()),
            "few_shot" => new FewShotOptions(regime.GetProperty("shots").GetInt32(), regime.GetProperty("copies").GetInt32())
            {
                Augmentation = regime.TryGetProperty("augmentation", out var augmentation) ? Augmentation(augmentation) : new AugmentationOptions(),
            },
            "noisy" => new NoisyOptions(
                regime.GetProperty("mode").GetString() == "add" ? NoiseMode.Add : NoiseMode.Replace,
                regime.GetProperty("ratio").GetDouble())
            {
                MaxTestAnomalyShare = regime.GetProperty("max_test_anomaly_share").GetDouble(),
            },
            "fuiad" => new FuiadOptions(regime.GetProperty("alpha").GetDouble())
            {
                AlphaMax = regime.GetProperty("alpha_max").GetDouble(),
                TestNormalSamples = regime.GetProperty("test_normal_samples").GetInt32(),
                TestAnomalousSamples = regime.GetProperty("test_anomalous_samples").GetInt32(),
                UseDatasetSplits = regime.GetProperty("use_dataset_splits").GetBoolean(),
            },
            "cross_subclass" => new CrossSubclassOptions
            {
                TrainSubclasses = Strings(regime.GetProperty("train_subclasses")),
                TestSubclasses = Strings(regime.GetProperty("test_subclasses")),
            },
            _ => throw new InvalidDataException($"manifest regime kind '{kind}' is unknown"),
        };
    }

    private static AugmentationOptions Augmentation(JsonElement json) => new(
        Rotation: json.GetProperty("rotation").GetBoolean(),
        Flip: json.GetProperty("flip").GetBoolean(),
        Scale: json.GetProperty("scale").GetBoolean(),
        Translate: json.GetProperty("translate").GetBoolean(),
        ColorJitter: json.GetProperty("color_jitter").GetBoolean(),
        Perspective: json.GetProperty("perspective").GetBoolean(),
        MaxRotationDegrees: json.GetProperty("max_rotation_degrees").GetDouble(),
        MaxScaleChange: json.GetProperty("max_scale_change").GetDouble(),
        MaxTranslateFraction: json.GetProperty("max_translate_fraction").GetDouble(),
        ColorJitterStrength: json.GetProperty("color_jitter_strength").GetDouble(),
        PerspectiveDistortion: json.GetProperty("perspective_distortion").GetDouble());
}
