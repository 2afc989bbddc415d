namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>
    /// MTD repository tree (folder name ends with a dot): top-level README and pictures, <c>Imgs</c> folders mixing
    /// <c>.jpg</c> images and <c>.png</c> masks, defect-free images with their all-zero masks.
    /// </summary>
    public static TempTree Mtd() =>
        new TempTree()
            .Text("Magnetic-tile-defect-datasets./README.md", "cite the paper")
            .Images(
                "Magnetic-tile-defect-datasets./dataset.jpg", "Magnetic-tile-defect-datasets./dataset.png",
                "Magnetic-tile-defect-datasets./MT_Blowhole/Imgs/exp1_num_108719.jpg",
                "Magnetic-tile-defect-datasets./MT_Blowhole/Imgs/exp1_num_108719.png",
                "Magnetic-tile-defect-datasets./MT_Blowhole/Imgs/exp2_num_4.jpg",
                "Magnetic-tile-defect-datasets./MT_Blowhole/Imgs/exp2_num_4.png",
                "Magnetic-tile-defect-datasets./MT_Uneven/Imgs/exp3_num_45042.jpg",
                "Magnetic-tile-defect-datasets./MT_Uneven/Imgs/exp3_num_45042.png",
                "Magnetic-tile-defect-datasets./MT_Free/Imgs/exp0_num_5.jpg",
                "Magnetic-tile-defect-datasets./MT_Free/Imgs/exp0_num_5.png",
                "Magnetic-tile-defect-datasets./MT_Free/Imgs/exp0_num_6.jpg",
                "Magnetic-tile-defect-datasets./MT_Free/Imgs/exp0_num_6.png");
}
