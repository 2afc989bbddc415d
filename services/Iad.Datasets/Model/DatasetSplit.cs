namespace Iad.Datasets.Model;

/// <summary>The split a sample belongs to as the dataset ships it (not a split drawn by a setting).</summary>
public enum DatasetSplit
{
    /// <summary>The dataset publishes no split (MTD, KolektorSDD); a setting must assign one.</summary>
    Unsplit,

    /// <summary>Shipped training split.</summary>
    Train,

    /// <summary>Shipped validation split (MVTec LOCO AD's normal-only <c>validation</c> folder).</summary>
    Validation,

    /// <summary>Shipped test split.</summary>
    Test,
}
