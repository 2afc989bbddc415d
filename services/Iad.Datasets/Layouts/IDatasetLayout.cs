using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// Reads one on-disk dataset layout into a <see cref="DatasetScan"/>. Readers never decode images; they list folders
/// and parse the dataset's own split/label files, always through a <see cref="DatasetRoot"/>.
/// </summary>
public interface IDatasetLayout
{
    /// <summary>Registry name, lower-case snake case (e.g. <c>mvtec_ad</c>).</summary>
    string Name { get; }

    /// <summary>
    /// True when the folder looks like this layout. Cheap (lists a few folders, reads no split file in full) and
    /// specific enough that the registry's order decides only between layouts that are truly alike.
    /// </summary>
    bool CanRead(DatasetRoot root);

    /// <summary>Scans the whole dataset.</summary>
    /// <exception cref="Errors.DatasetException">Any inconsistency: missing mask, malformed split file, escape, empty.</exception>
    DatasetScan Read(DatasetRoot root);
}
