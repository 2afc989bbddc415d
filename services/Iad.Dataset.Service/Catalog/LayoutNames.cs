using Iad.Contracts.V1;

namespace Iad.Dataset.Service.Catalog;

/// <summary>Wire enum ↔ reader names of <see cref="Iad.Datasets.Layouts.LayoutRegistry"/>.</summary>
internal static class LayoutNames
{
    private static readonly (DatasetLayout Layout, string Name)[] Pairs =
    [
        (DatasetLayout.MvtecAd, "mvtec_ad"), (DatasetLayout.MvtecLoco, "mvtec_loco"), (DatasetLayout.Visa, "visa"),
        (DatasetLayout.Btad, "btad"), (DatasetLayout.Mpdd, "mpdd"), (DatasetLayout.Mtd, "mtd"), (DatasetLayout.Dagm, "dagm"),
        (DatasetLayout.RealIad, "real_iad"), (DatasetLayout.TextureAd, "texture_ad"),
        (DatasetLayout.KolektorSdd, "kolektor_sdd"), (DatasetLayout.Folder, "folder"),
    ];

    public static string? ToName(DatasetLayout layout) =>
        layout == DatasetLayout.Unspecified ? null
        : Pairs.FirstOrDefault(p => p.Layout == layout).Name ?? throw new ArgumentException($"unknown layout {layout}");

    public static DatasetLayout ToLayout(string name) =>
        Pairs.FirstOrDefault(p => p.Name == name).Layout is var layout && layout != DatasetLayout.Unspecified
            ? layout
            : throw new ArgumentException($"unknown layout '{name}'");
}
