using Iad.Datasets.Layouts;
using Iad.Datasets.Sandbox;

namespace Iad.Bench.Datasets;

/// <summary>
/// Scans an MVTec-AD-sized tree (15 categories, 3,629 train / 467 good test / 1,258 defect test images, 1,258 masks;
/// tiny files) with the sandboxed reader, against two references on the same tree: a bare recursive listing (names
/// only, no syscall per entry) and a listing that reads each entry's attributes, which is the floor for a scan that
/// must notice symbolic links. The second ratio is the price of mask pairing and the sample table.
/// </summary>
public sealed class MvtecScanBenchmark : IBenchmark
{
    private static readonly (string Name, int Train, int TestGood, string[] Defects, int DefectImages)[] Categories =
    [
        ("bottle", 209, 20, ["broken_large", "broken_small", "contamination"], 63),
        ("cable", 224, 58, ["bent_wire", "cable_swap", "combined", "cut_inner_insulation", "cut_outer_insulation", "missing_cable", "missing_wire", "poke_insulation"], 92),
        ("capsule", 219, 23, ["crack", "faulty_imprint", "poke", "scratch", "squeeze"], 109),
        ("carpet", 280, 28, ["color", "cut", "hole", "metal_contamination", "thread"], 89),
        ("grid", 264, 21, ["bent", "broken", "glue", "metal_contamination", "thread"], 57),
        ("hazelnut", 391, 40, ["crack", "cut", "hole", "print"], 70),
        ("leather", 245, 32, ["color", "cut", "fold", "glue", "poke"], 92),
        ("metal_nut", 220, 22, ["bent", "color", "flip", "scratch"], 93),
        ("pill", 267, 26, ["color", "combined", "contamination", "crack", "faulty_imprint", "pill_type", "scratch"], 141),
        ("screw", 320, 41, ["manipulated_front", "scratch_head", "scratch_neck", "thread_side", "thread_top"], 119),
        ("tile", 230, 33, ["crack", "glue_strip", "gray_stroke", "oil", "rough"], 84),
        ("toothbrush", 60, 12, ["defective"], 30),
        ("transistor", 213, 60, ["bent_lead", "cut_lead", "damaged_case", "misplaced"], 40),
        ("wood", 247, 19, ["color", "combined", "hole", "liquid", "scratch"], 60),
        ("zipper", 240, 32, ["broken_teeth", "combined", "fabric_border", "fabric_interior", "rough", "split_teeth", "squeezed_teeth"], 119),
    ];

    public string Name => "datasets-mvtec-scan";

    public string Description => "MvtecAdLayout.Read on a full-size MVTec AD file tree vs a bare listing and a listing that stats every entry.";

    public void Run(BenchContext context)
    {
        var folder = Directory.CreateTempSubdirectory("iad-bench-mvtec-").FullName;
        try
        {
            var files = Write(folder);
            var layout = new MvtecAdLayout();
            var samples = 0;
            var subject = context.MedianSeconds(() => samples = layout.Read(new DatasetRoot(folder)).Samples.Count);
            var listed = 0;
            var reference = context.MedianSeconds(() => listed = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count());
            var withAttributes = context.MedianSeconds(() => listed = ListWithAttributes(folder));
            context.Report($"MvtecAdLayout.Read ({samples} samples)", subject);
            context.Report($"Directory.EnumerateFiles ({listed} files of {files})", reference);
            context.Report("listing + attributes per entry", withAttributes);
            context.Ratio("scan / bare listing", subject, reference);
            context.Ratio("scan / listing + attributes", subject, withAttributes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int ListWithAttributes(string folder)
    {
        var files = 0;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            files += (entry.Attributes & FileAttributes.Directory) == 0 ? 1 : 0;
        }

        return files;
    }

    private static int Write(string folder)
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47 };
        var count = 0;
        void Put(string relative)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, png);
            count++;
        }

        foreach (var (name, train, testGood, defects, defectImages) in Categories)
        {
            for (var i = 0; i < train; i++)
            {
                Put($"{name}/train/good/{i:D3}.png");
            }

            for (var i = 0; i < testGood; i++)
            {
                Put($"{name}/test/good/{i:D3}.png");
            }

            for (var i = 0; i < defectImages; i++)
            {
                var defect = defects[i % defects.Length];
                var index = i / defects.Length;
                Put($"{name}/test/{defect}/{index:D3}.png");
                Put($"{name}/ground_truth/{defect}/{index:D3}_mask.png");
            }
        }

        return count;
    }
}
