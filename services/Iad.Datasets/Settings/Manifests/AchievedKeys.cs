namespace Iad.Datasets.Settings.Manifests;

/// <summary>Keys of the figures a build records per task (<see cref="ManifestTask.Achieved"/>).</summary>
public static class AchievedKeys
{
    /// <summary>Training items, augmented copies included.</summary>
    public const string TrainSize = "train_size";

    /// <summary>Training items whose ground truth is anomalous.</summary>
    public const string TrainAnomalous = "train_anomalous";

    /// <summary>Validation items.</summary>
    public const string ValidationSize = "validation_size";

    /// <summary>Test items.</summary>
    public const string TestSize = "test_size";

    /// <summary>Test items whose ground truth is anomalous.</summary>
    public const string TestAnomalous = "test_anomalous";

    /// <summary>Noisy: anomalies injected by the regime (before train fraction and validation).</summary>
    public const string NoiseInjected = "noise_injected";

    /// <summary>Noisy: train anomalies / train size of the final train split.</summary>
    public const string NoiseRatioAchieved = "noise_ratio_achieved";

    /// <summary>Noisy add: the injection cap ⌊max share · test anomalies⌋.</summary>
    public const string NoiseCap = "noise_cap";

    /// <summary>Fully supervised: labelled anomalies in train.</summary>
    public const string SupervisedAnomalies = "supervised_anomalies";

    /// <summary>Few-shot: normal samples kept.</summary>
    public const string Shots = "shots";

    /// <summary>Few-shot: augmented copies in train.</summary>
    public const string AugmentedCopies = "augmented_copies";

    /// <summary>FUIAD: N_train = min(|normal pool|, ⌊|anomalous pool| / α_max⌋).</summary>
    public const string FuiadTrainSamples = "fuiad_n_train";

    /// <summary>FUIAD: normal samples left after the fixed test set.</summary>
    public const string NormalPool = "normal_pool";

    /// <summary>FUIAD: anomalous samples left after the fixed test set.</summary>
    public const string AnomalousPool = "anomalous_pool";

    /// <summary>FUIAD: train anomalies / train size of the final train split.</summary>
    public const string AlphaAchieved = "alpha_achieved";

    /// <summary>Cross-subclass: number of distinct subclasses in train.</summary>
    public const string TrainSubclasses = "train_subclasses";

    /// <summary>Cross-subclass: number of distinct subclasses in test.</summary>
    public const string TestSubclasses = "test_subclasses";
}
