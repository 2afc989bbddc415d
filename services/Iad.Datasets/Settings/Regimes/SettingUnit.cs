using Iad.Datasets.Model;

namespace Iad.Datasets.Settings.Regimes;

/// <summary>A sample seen through the view selection: the kept views and the label they give.</summary>
internal sealed record SettingUnit(Sample Sample, IReadOnlyList<View> Views, SampleLabel Label)
{
    public string Id => Sample.Id;

    public bool IsAnomalous => Label == SampleLabel.Anomalous;

    /// <summary>Defect type when the kept views are anomalous, else null.</summary>
    public string? DefectType => IsAnomalous ? Sample.DefectType : null;
}
