using Iad.Datasets.Errors;
using Iad.Datasets.Sandbox;

namespace Iad.Datasets.Layouts.Common;

/// <summary>
/// The masks of one <c>ground_truth/&lt;label&gt;</c> folder, indexed by the image stem they belong to. Each mask may
/// be taken once; leftovers are reported as masks without an image.
/// </summary>
internal sealed class MaskFolder
{
    private const string MaskSuffix = "_mask";

    private readonly string _path;
    private readonly Dictionary<string, Entry> _byStem = new(StringComparer.Ordinal);

    private MaskFolder(string path)
    {
        _path = path;
    }

    /// <summary>Indexes a mask folder.</summary>
    /// <exception cref="MaskMismatchException">Two masks claim the same image stem.</exception>
    public static MaskFolder Load(DatasetRoot root, string folder, MaskNaming naming)
    {
        var masks = new MaskFolder(folder);
        if (naming == MaskNaming.StemFolder)
        {
            foreach (var stem in root.ListDirectories(folder))
            {
                var regionFolder = DatasetRoot.Join(folder, stem);
                var files = ImageFiles.List(root, regionFolder).Select(f => DatasetRoot.Join(regionFolder, f)).ToArray();
                masks.Add(stem, regionFolder, files);
            }

            return masks;
        }

        foreach (var file in ImageFiles.List(root, folder))
        {
            var stem = ImageFiles.Stem(file);
            if (naming is MaskNaming.MaskSuffix or MaskNaming.SameStemOrMaskSuffix && stem.EndsWith(MaskSuffix, StringComparison.Ordinal))
            {
                stem = stem[..^MaskSuffix.Length];
            }
            else if (naming == MaskNaming.MaskSuffix)
            {
                throw new MaskMismatchException(DatasetRoot.Join(folder, file), $"mask names must end in '{MaskSuffix}'");
            }

            var path = DatasetRoot.Join(folder, file);
            masks.Add(stem, path, [path]);
        }

        return masks;
    }

    /// <summary>Mask file name (or folder) expected for an image stem, for error messages.</summary>
    public static string ExpectedName(string stem, MaskNaming naming) => naming switch
    {
        MaskNaming.MaskSuffix => stem + MaskSuffix + ".png",
        MaskNaming.StemFolder => stem + "/000.png",
        _ => stem + ".png",
    };

    /// <summary>Mask files of the image with this stem (empty when none) and marks them used.</summary>
    /// <exception cref="MaskMismatchException">The mask was already taken by another image.</exception>
    public IReadOnlyList<string> Take(string stem, string imagePath)
    {
        if (!_byStem.TryGetValue(stem, out var entry))
        {
            return [];
        }

        if (entry.TakenBy is not null)
        {
            throw new MaskMismatchException(entry.Path, $"it would pair with both '{entry.TakenBy}' and '{imagePath}'");
        }

        entry.TakenBy = imagePath;
        return entry.Files;
    }

    /// <summary>Throws for the first (ordinal) mask no image took.</summary>
    /// <exception cref="MaskMismatchException">A mask without an image.</exception>
    public void ThrowIfUnused()
    {
        foreach (var (_, entry) in _byStem.OrderBy(static e => e.Key, StringComparer.Ordinal))
        {
            if (entry.TakenBy is null)
            {
                throw new MaskMismatchException(entry.Path, $"no image with its stem exists for label folder '{_path}'");
            }
        }
    }

    private void Add(string stem, string path, string[] files)
    {
        if (_byStem.TryGetValue(stem, out var existing))
        {
            throw new MaskMismatchException(path, $"it and '{existing.Path}' both belong to image stem '{stem}'");
        }

        _byStem[stem] = new Entry(path, files);
    }

    private sealed class Entry(string path, string[] files)
    {
        public string Path { get; } = path;

        public string[] Files { get; } = files;

        public string? TakenBy { get; set; }
    }
}
