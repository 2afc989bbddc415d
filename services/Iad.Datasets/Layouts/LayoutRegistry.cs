using Iad.Datasets.Errors;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts;

/// <summary>
/// The known layouts by name, and detection. Detection asks each layout's <see cref="IDatasetLayout.CanRead"/> in
/// registration order and takes the first yes, so specific layouts are registered before general ones
/// (the generic <see cref="FolderLayout"/> last).
/// </summary>
public sealed class LayoutRegistry
{
    private readonly IDatasetLayout[] _layouts;

    /// <summary>Creates a registry; order is detection order.</summary>
    /// <exception cref="ArgumentException">Two layouts share a name (case-insensitive).</exception>
    public LayoutRegistry(IEnumerable<IDatasetLayout> layouts)
    {
        _layouts = [.. layouts];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var layout in _layouts)
        {
            if (!names.Add(layout.Name))
            {
                throw new ArgumentException($"Layout name '{layout.Name}' is registered twice.", nameof(layouts));
            }
        }
    }

    /// <summary>
    /// All built-in layouts with default options, in detection order: VisA (split CSV), Real-IAD (split JSON),
    /// MVTec LOCO AD, MVTec AD, MPDD, BTAD, DAGM 2007, MTD, KolektorSDD, Texture-AD, generic folder.
    /// </summary>
    public static LayoutRegistry Default { get; } = new(
    [
        new VisaLayout(),
        new RealIadLayout(),
        new MvtecLocoLayout(),
        new MvtecAdLayout(),
        new MpddLayout(),
        new BtadLayout(),
        new DagmLayout(),
        new MtdLayout(),
        new KolektorSddLayout(),
        new TextureAdLayout(),
        new FolderLayout(),
    ]);

    /// <summary>Registered layouts in detection order.</summary>
    public IReadOnlyList<IDatasetLayout> Layouts => _layouts;

    /// <summary>Registered names in detection order.</summary>
    public IEnumerable<string> Names => _layouts.Select(static l => l.Name);

    /// <summary>The layout with this name (case-insensitive).</summary>
    /// <exception cref="UnknownLayoutException">No such layout.</exception>
    public IDatasetLayout Get(string name)
    {
        foreach (var layout in _layouts)
        {
            if (string.Equals(layout.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return layout;
            }
        }

        throw new UnknownLayoutException(name, $"no layout is named '{name}' (known: {string.Join(", ", Names)})");
    }

    /// <summary>The first layout that recognises the root.</summary>
    /// <exception cref="UnknownLayoutException">None does.</exception>
    public IDatasetLayout Detect(DatasetRoot root)
    {
        foreach (var layout in _layouts)
        {
            if (layout.CanRead(root))
            {
                return layout;
            }
        }

        throw new UnknownLayoutException(root.FullPath, $"no layout recognises the folder (tried: {string.Join(", ", Names)})");
    }

    /// <summary>Reads the root with the named layout, or the detected one when <paramref name="layoutName"/> is null or empty.</summary>
    /// <exception cref="UnknownLayoutException">Unknown name, or nothing detected.</exception>
    public DatasetScan Read(DatasetRoot root, string? layoutName = null) =>
        (string.IsNullOrEmpty(layoutName) ? Detect(root) : Get(layoutName)).Read(root);
}
