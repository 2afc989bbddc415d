using System.Globalization;
using System.Text.Json.Serialization;
using Iad.Contracts.V1;

namespace Iad.Client.Experiments;

/// <summary>
/// The training regime an experiment runs under (SPEC §3): <c>vanilla</c> (unsupervised, normal images only),
/// <c>noisy</c> (anomalies injected into train, labelled normal), <c>few_shot</c> (k normal images, optional augmented
/// copies) or <c>drift</c> (vanilla training, every test image perturbed). Continual sequences combine with any of them.
/// </summary>
public sealed record ExperimentSetting
{
    /// <summary>The kinds this record can express.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["vanilla", "noisy", "few_shot", "drift"];

    /// <summary>Unsupervised one-class training on every normal image.</summary>
    public static ExperimentSetting Vanilla { get; } = new();

    /// <summary>One of <see cref="Kinds"/>.</summary>
    public string Kind { get; init; } = "vanilla";

    /// <summary>Noisy: target anomaly ratio in (0, 0.75]; default 0.1.</summary>
    public double NoiseRatio { get; init; } = 0.1;

    /// <summary>Noisy: <c>add</c> (r = n / (m + n), training grows) or <c>replace</c> (training size constant).</summary>
    public string NoiseMode { get; init; } = "add";

    /// <summary>Few-shot: normal training images kept (≥ 1); default 4.</summary>
    public int Shots { get; init; } = 4;

    /// <summary>Few-shot: augmented copies per shot, 0..64 (rotation, flip, scale, translate, colour jitter, perspective).</summary>
    public int AugmentedCopies { get; init; }

    /// <summary>Short label used in tables and run records, e.g. <c>noisy 0.1</c> or <c>few-shot 4</c>.</summary>
    [JsonIgnore]
    public string Label => Kind switch
    {
        "noisy" => $"noisy {NoiseRatio.ToString("0.###", CultureInfo.InvariantCulture)}{(NoiseMode == "replace" ? " replace" : "")}",
        "few_shot" => $"few-shot {Shots}{(AugmentedCopies > 0 ? $" +{AugmentedCopies} aug" : "")}",
        _ => Kind,
    };

    /// <summary>
    /// The label of an experiment under this regime: <see cref="Label"/> for one category at a time, <c>continual</c>
    /// (plus a non-vanilla regime) for a task sequence learned by one model.
    /// </summary>
    public string LabelFor(bool sequence) => !sequence ? Label : Kind == "vanilla" ? "continual" : $"continual {Label}";

    /// <summary>Checks the parameters of <see cref="Kind"/>.</summary>
    /// <exception cref="ArgumentException">An unknown kind or an out-of-range parameter, named with its value.</exception>
    public ExperimentSetting Validated()
    {
        if (!Kinds.Contains(Kind)) throw new ArgumentException($"Unknown setting '{Kind}'; known settings are [{string.Join(", ", Kinds)}, continual].");
        if (Kind == "noisy" && NoiseRatio is not (> 0 and <= 0.75)) throw new ArgumentException($"noisy ratio {NoiseRatio} is outside (0, 0.75].");
        if (Kind == "noisy" && NoiseMode is not ("add" or "replace")) throw new ArgumentException($"noisy mode '{NoiseMode}' is neither 'add' nor 'replace'.");
        if (Kind == "few_shot" && Shots < 1) throw new ArgumentException($"few_shot shots {Shots} must be at least 1.");
        if (Kind == "few_shot" && AugmentedCopies is < 0 or > 64) throw new ArgumentException($"few_shot copies {AugmentedCopies} is outside 0..64.");
        return this;
    }

    /// <summary>
    /// The setting written <c>kind[:value]</c>: <c>vanilla</c>, <c>drift</c>, <c>noisy:0.2</c> (ratio, add mode),
    /// <c>few_shot:4</c> (shots); the value defaults as above when left out.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown kind, a value the kind does not take, or an out-of-range value.</exception>
    public static ExperimentSetting Parse(string text)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        var kind = parts[0].ToLowerInvariant().Replace('-', '_');
        var value = parts.Length == 2 ? parts[1] : null;
        var setting = new ExperimentSetting { Kind = kind };
        if (value is null) return setting.Validated();
        setting = kind switch
        {
            "noisy" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) => setting with { NoiseRatio = ratio },
            "few_shot" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var shots) => setting with { Shots = shots },
            _ => throw new ArgumentException($"Setting '{text}': '{kind}' takes {(kind is "noisy" or "few_shot" ? "a number" : "no value")}, not '{value}'."),
        };
        return setting.Validated();
    }

    /// <summary>Sets the regime (and the drift modifier) of <paramref name="spec"/>.</summary>
    public void ApplyTo(SettingSpec spec)
    {
        switch (Kind)
        {
            case "noisy":
                spec.Noisy = new NoisyOptions { Ratio = NoiseRatio, Mode = NoiseMode == "replace" ? Contracts.V1.NoiseMode.Replace : Contracts.V1.NoiseMode.Add };
                break;
            case "few_shot":
                spec.FewShot = new FewShotOptions { Shots = Shots };
                if (AugmentedCopies > 0)
                {
                    spec.FewShot.Augmentation = new AugmentationSpec
                    {
                        Copies = AugmentedCopies, Rotation = true, Flip = true, Scale = true, Translate = true, ColorJitter = true, Perspective = true,
                    };
                }
                break;
            case "drift":
                spec.Unsupervised = new UnsupervisedOptions();
                spec.Drift = new DriftOptions { Enabled = true };
                break;
            default:
                spec.Unsupervised = new UnsupervisedOptions();
                break;
        }
    }
}
