namespace Iad.Datasets.Model;

/// <summary>Ground-truth image label.</summary>
public enum SampleLabel
{
    /// <summary>Defect-free.</summary>
    Normal,

    /// <summary>Contains at least one defect.</summary>
    Anomalous,
}
