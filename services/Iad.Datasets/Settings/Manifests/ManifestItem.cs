using Iad.Datasets.Model;

namespace Iad.Datasets.Settings.Manifests;

/// <summary>
/// One sample of a manifest split with its (possibly filtered) views. An augmented copy is an item of its own, with id
/// <c>&lt;sample id&gt;#aug&lt;NN&gt;</c> (NN = 01…64) and the copy's recipes on its views.
/// </summary>
/// <param name="Id">Item id, unique within its split.</param>
/// <param name="SampleId">Id of the dataset sample (<see cref="Sample.Id"/>).</param>
/// <param name="Label">
/// Label the setting assigns: what a training method is told (injected noisy anomalies and FUIAD anomalies are
/// <see cref="SampleLabel.Normal"/>); equal to <see cref="GroundTruth"/> in validation and test.
/// </param>
/// <param name="GroundTruth">Label from the dataset: anomalous when any kept view is.</param>
/// <param name="DefectType">Defect type of an anomalous sample, or null.</param>
/// <param name="Subclass">Subclass (Texture-AD), or null.</param>
/// <param name="Views">Kept views, sorted by id.</param>
public sealed record ManifestItem(
    string Id,
    string SampleId,
    SampleLabel Label,
    SampleLabel GroundTruth,
    string? DefectType,
    string? Subclass,
    IReadOnlyList<ManifestView> Views)
{
    /// <summary>Suffix between a sample id and the copy number of an augmented copy.</summary>
    public const string CopySeparator = "#aug";

    /// <summary>True for an augmented copy.</summary>
    public bool IsCopy => Id != SampleId;
}
