namespace Iad.Datasets.Settings.Manifests;

/// <summary>A split drawn by a setting (not the split a dataset ships, see <see cref="Model.DatasetSplit"/>).</summary>
public enum SettingSplit
{
    /// <summary>Training items.</summary>
    Train,

    /// <summary>Held out from train for early stopping or model selection; empty unless requested.</summary>
    Validation,

    /// <summary>Evaluation items.</summary>
    Test,
}
