using Iad.Imaging.Perturbations;
using Specs = Iad.Datasets.Settings.Specs;
using Wire = Iad.Contracts.V1;

namespace Iad.Dataset.Service.Settings;

/// <summary>
/// Wire <see cref="Wire.SettingSpec"/> ↔ library <see cref="Specs.SettingSpec"/>. Wire defaults (proto3 zero values)
/// become the library's documented defaults: no regime = unsupervised; fully supervised anomalies 10; FUIAD
/// α_max 0.4 and 100 + 100 test samples; validation fraction 0 = 0.1; image_size 0 and center_crop 0 = the
/// profile's values, else 256 and no crop; train_fraction absent = 1; aggregation UNSPECIFIED = max; empty
/// single_view = all views. Few-shot copies with no transform enabled use the library default (rotation ±15°).
/// The profile <c>im-iad:&lt;method&gt;</c> names IM-IAD Table V's size of that method.
/// </summary>
public static class SpecMapping
{
    /// <summary>Separator between a profile and the method whose size it looks up, e.g. <c>im-iad:patchcore</c>.</summary>
    public const char ProfileMethodSeparator = ':';

    /// <summary>The library spec of a wire spec; range checks are left to the settings builder.</summary>
    /// <exception cref="ArgumentException">An enum value outside the contract (e.g. NOISE_MODE_UNSPECIFIED).</exception>
    public static Specs.SettingSpec ToLibrary(Wire.SettingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (profile, method) = SplitProfile(spec.Input?.Profile);
        var input = spec.Input ?? new Wire.InputOptions();
        return new Specs.SettingSpec(spec.Dataset)
        {
            Categories = [.. spec.Categories],
            Seed = spec.Seed,
            Regime = Regime(spec),
            Continual = spec.Continual is null ? null : new Specs.ContinualOptions { TaskOrder = [.. spec.Continual.TaskOrder] },
            Drift = spec.Drift?.Enabled == true,
            Validation = spec.Validation is null ? null : new Specs.ValidationOptions(spec.Validation.Fraction == 0 ? 0.1 : spec.Validation.Fraction),
            MultiView = new Specs.MultiViewOptions(
                Aggregation(spec.MultiView?.Aggregation ?? Wire.ViewAggregation.Unspecified),
                string.IsNullOrEmpty(spec.MultiView?.SingleView) ? null : spec.MultiView.SingleView),
            Input = new Specs.InputOptions(
                ImageSize: input.ImageSize == 0 ? null : input.ImageSize,
                CenterCrop: input.CenterCrop == 0 ? null : input.CenterCrop,
                TrainFraction: input.HasTrainFraction ? input.TrainFraction : 1,
                Profile: profile,
                Method: method),
        };
    }

    /// <summary>The wire form of a (resolved) library spec, as GetManifest reports it.</summary>
    public static Wire.SettingSpec ToContract(Specs.SettingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var wire = new Wire.SettingSpec
        {
            Dataset = spec.Dataset,
            Seed = spec.Seed,
            Drift = new Wire.DriftOptions { Enabled = spec.Drift },
            MultiView = new Wire.MultiViewOptions
            {
                Aggregation = spec.MultiView.Aggregation == Specs.ViewAggregation.Mean ? Wire.ViewAggregation.Mean : Wire.ViewAggregation.Max,
                SingleView = spec.MultiView.SingleView ?? "",
            },
            Input = new Wire.InputOptions
            {
                ImageSize = spec.Input.ImageSize ?? 0,
                CenterCrop = spec.Input.CenterCrop ?? 0,
                TrainFraction = spec.Input.TrainFraction,
                Profile = spec.Input.Profile is null ? ""
                    : spec.Input.Method is null ? spec.Input.Profile
                    : spec.Input.Profile + ProfileMethodSeparator + spec.Input.Method,
            },
        };
        wire.Categories.AddRange(spec.Categories);
        if (spec.Continual is not null)
        {
            wire.Continual = new Wire.ContinualOptions();
            wire.Continual.TaskOrder.AddRange(spec.Continual.TaskOrder);
        }
        if (spec.Validation is not null) wire.Validation = new Wire.ValidationOptions { Fraction = spec.Validation.Fraction };
        switch (spec.Regime)
        {
            case Specs.FullySupervisedOptions supervised:
                wire.FullySupervised = new Wire.FullySupervisedOptions
                {
                    Anomalies = supervised.Anomalies,
                    UseDatasetTrainAnomalies = supervised.UseDatasetTrainAnomalies,
                };
                break;
            case Specs.FewShotOptions fewShot:
                wire.FewShot = new Wire.FewShotOptions { Shots = fewShot.Shots, Augmentation = Augmentation(fewShot) };
                break;
            case Specs.NoisyOptions noisy:
                wire.Noisy = new Wire.NoisyOptions
                {
                    Mode = noisy.Mode == Specs.NoiseMode.Add ? Wire.NoiseMode.Add : Wire.NoiseMode.Replace,
                    Ratio = noisy.Ratio,
                };
                break;
            case Specs.FuiadOptions fuiad:
                wire.Fuiad = new Wire.FuiadOptions
                {
                    Alpha = fuiad.Alpha,
                    AlphaMax = fuiad.AlphaMax,
                    TestNormalSamples = fuiad.TestNormalSamples,
                    TestAnomalousSamples = fuiad.TestAnomalousSamples,
                };
                break;
            case Specs.CrossSubclassOptions cross:
                wire.CrossSubclass = new Wire.CrossSubclassOptions();
                wire.CrossSubclass.TrainSubclasses.AddRange(cross.TrainSubclasses);
                wire.CrossSubclass.TestSubclasses.AddRange(cross.TestSubclasses);
                break;
            default:
                wire.Unsupervised = new Wire.UnsupervisedOptions();
                break;
        }
        return wire;
    }

    private static Specs.RegimeOptions Regime(Wire.SettingSpec spec) => spec.RegimeCase switch
    {
        Wire.SettingSpec.RegimeOneofCase.FullySupervised => new Specs.FullySupervisedOptions(
            spec.FullySupervised.HasAnomalies ? spec.FullySupervised.Anomalies : new Specs.FullySupervisedOptions().Anomalies,
            spec.FullySupervised.UseDatasetTrainAnomalies),
        Wire.SettingSpec.RegimeOneofCase.FewShot => new Specs.FewShotOptions(spec.FewShot.Shots, spec.FewShot.Augmentation?.Copies ?? 0)
        {
            Augmentation = Augmentation(spec.FewShot.Augmentation),
        },
        Wire.SettingSpec.RegimeOneofCase.Noisy => new Specs.NoisyOptions(NoiseMode(spec.Noisy.Mode), spec.Noisy.Ratio),
        Wire.SettingSpec.RegimeOneofCase.Fuiad => Fuiad(spec.Fuiad),
        Wire.SettingSpec.RegimeOneofCase.CrossSubclass => new Specs.CrossSubclassOptions
        {
            TrainSubclasses = [.. spec.CrossSubclass.TrainSubclasses],
            TestSubclasses = [.. spec.CrossSubclass.TestSubclasses],
        },
        _ => new Specs.UnsupervisedOptions(),
    };

    private static Specs.FuiadOptions Fuiad(Wire.FuiadOptions wire)
    {
        var options = new Specs.FuiadOptions(wire.Alpha);
        if (wire.HasAlphaMax) options = options with { AlphaMax = wire.AlphaMax };
        if (wire.HasTestNormalSamples) options = options with { TestNormalSamples = wire.TestNormalSamples };
        if (wire.HasTestAnomalousSamples) options = options with { TestAnomalousSamples = wire.TestAnomalousSamples };
        return options;
    }

    private static AugmentationOptions Augmentation(Wire.AugmentationSpec? wire)
    {
        if (wire is null || !(wire.Rotation || wire.Flip || wire.Scale || wire.Translate || wire.ColorJitter || wire.Perspective))
            return new AugmentationOptions();
        return new AugmentationOptions(wire.Rotation, wire.Flip, wire.Scale, wire.Translate, wire.ColorJitter, wire.Perspective);
    }

    private static Wire.AugmentationSpec Augmentation(Specs.FewShotOptions fewShot) => new()
    {
        Rotation = fewShot.Augmentation.Rotation,
        Flip = fewShot.Augmentation.Flip,
        Scale = fewShot.Augmentation.Scale,
        Translate = fewShot.Augmentation.Translate,
        ColorJitter = fewShot.Augmentation.ColorJitter,
        Perspective = fewShot.Augmentation.Perspective,
        Copies = fewShot.Copies,
    };

    private static Specs.NoiseMode NoiseMode(Wire.NoiseMode mode) => mode switch
    {
        Wire.NoiseMode.Add => Specs.NoiseMode.Add,
        Wire.NoiseMode.Replace => Specs.NoiseMode.Replace,
        _ => throw new ArgumentException($"noisy mode must be NOISE_MODE_ADD or NOISE_MODE_REPLACE, got {mode} ({(int)mode})"),
    };

    private static Specs.ViewAggregation Aggregation(Wire.ViewAggregation aggregation) => aggregation switch
    {
        Wire.ViewAggregation.Unspecified or Wire.ViewAggregation.Max => Specs.ViewAggregation.Max,
        Wire.ViewAggregation.Mean => Specs.ViewAggregation.Mean,
        _ => throw new ArgumentException($"view aggregation must be MAX or MEAN, got {aggregation} ({(int)aggregation})"),
    };

    private static (string? Profile, string? Method) SplitProfile(string? profile)
    {
        if (string.IsNullOrEmpty(profile)) return (null, null);
        var separator = profile.IndexOf(ProfileMethodSeparator);
        return separator < 0 ? (profile, null) : (profile[..separator], profile[(separator + 1)..]);
    }
}
