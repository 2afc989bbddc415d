using Iad.Datasets.Settings.Specs;
using static System.FormattableString;

namespace Iad.Datasets.Settings.Modifiers;

/// <summary>Range checks of a spec that need no data; data-dependent checks happen while drawing.</summary>
internal static class SpecValidation
{
    public static void Validate(SettingSpec spec)
    {
        if (string.IsNullOrEmpty(spec.Dataset))
        {
            throw new SettingException("setting needs a dataset name.");
        }

        if (!(spec.UnsplitTestFraction >= 0 && spec.UnsplitTestFraction < 1))
        {
            throw new SettingException(Invariant($"unsplit_test_fraction={spec.UnsplitTestFraction} is outside [0, 1)."));
        }

        if (spec.Validation is { } validation && !(validation.Fraction > 0 && validation.Fraction <= 0.5))
        {
            throw new SettingException(Invariant($"validation fraction={validation.Fraction} is outside (0, 0.5]."));
        }

        if (spec.MultiView.SingleView is "")
        {
            throw new SettingException("single view must be a view id or null, not empty.");
        }

        switch (spec.Regime)
        {
            case FullySupervisedOptions supervised when supervised.Anomalies < 1:
                throw new SettingException(Invariant($"fully supervised anomalies={supervised.Anomalies} must be at least 1."));
            case FewShotOptions fewShot:
                Validate(fewShot);
                break;
            case NoisyOptions noisy:
                Validate(noisy);
                break;
            case FuiadOptions fuiad:
                Validate(fuiad);
                break;
        }
    }

    private static void Validate(FewShotOptions options)
    {
        if (options.Shots < 1)
        {
            throw new SettingException(Invariant($"few-shot k={options.Shots} must be at least 1."));
        }

        if (options.Copies is < 0 or > FewShotOptions.MaxCopies)
        {
            throw new SettingException(Invariant($"few-shot copies={options.Copies} is outside [0, {FewShotOptions.MaxCopies}]."));
        }

        if (options.Copies == 0)
        {
            return;
        }

        var augmentation = options.Augmentation;
        if (!(augmentation.Rotation || augmentation.Flip || augmentation.Scale || augmentation.Translate || augmentation.ColorJitter || augmentation.Perspective))
        {
            throw new SettingException(Invariant($"few-shot copies={options.Copies} but no augmentation transform is enabled."));
        }

        try
        {
            augmentation.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new SettingException($"few-shot augmentation is invalid: {e.Message}");
        }
    }

    private static void Validate(NoisyOptions options)
    {
        if (!(options.Ratio > 0 && options.Ratio <= 0.75))
        {
            throw new SettingException(Invariant($"noisy ratio r={options.Ratio} is outside (0, 0.75]."));
        }

        if (!(options.MaxTestAnomalyShare > 0 && options.MaxTestAnomalyShare <= 1))
        {
            throw new SettingException(Invariant($"noisy max test anomaly share={options.MaxTestAnomalyShare} is outside (0, 1]."));
        }
    }

    private static void Validate(FuiadOptions options)
    {
        if (!(options.AlphaMax > 0 && options.AlphaMax <= 1))
        {
            throw new SettingException(Invariant($"FUIAD alpha_max={options.AlphaMax} is outside (0, 1]."));
        }

        if (!(options.Alpha >= 0))
        {
            throw new SettingException(Invariant($"FUIAD alpha={options.Alpha} is negative."));
        }

        if (options.Alpha > options.AlphaMax)
        {
            throw new SettingException(Invariant($"FUIAD alpha={options.Alpha} above alpha_max={options.AlphaMax}."));
        }

        if (options.TestNormalSamples < 1 || options.TestAnomalousSamples < 1)
        {
            throw new SettingException(Invariant(
                $"FUIAD test set needs at least 1 normal and 1 anomalous sample per category, got {options.TestNormalSamples} and {options.TestAnomalousSamples}."));
        }
    }
}
