namespace Iad.Dataset.Service.Catalog;

/// <summary>Which directories clients may register datasets from (section <c>Iad:Dataset</c>).</summary>
public sealed class DatasetCatalogOptions
{
    public const string SectionName = "Iad:Dataset";

    /// <summary>Absolute directories under which dataset roots may lie. The service's data directory is always allowed.</summary>
    public List<string> AllowedRoots { get; set; } = [];
}
