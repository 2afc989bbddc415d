namespace Iad.Datasets.Tests.Fixtures;

public static partial class MiniDatasets
{
    /// <summary>Defects config with one relative and one absolute saturation entry.</summary>
    public const string LocoDefectsConfig = """
        [
          {"defect_name": "missing_almonds", "pixel_value": 255, "saturation_threshold": 0.5, "relative_saturation": true},
          {"defect_name": "overflow", "pixel_value": 254, "saturation_threshold": 20000, "relative_saturation": false}
        ]
        """;

    /// <summary>
    /// MVTec LOCO AD: train/validation/test, logical and structural anomalies, one anomalous image with two region files
    /// (values 255 and 254 in the real data), <c>defects_config.json</c>.
    /// </summary>
    public static TempTree MvtecLoco() =>
        new TempTree()
            .Text("breakfast_box/defects_config.json", LocoDefectsConfig)
            .Images(
                "breakfast_box/train/good/000.png", "breakfast_box/train/good/001.png",
                "breakfast_box/validation/good/000.png",
                "breakfast_box/test/good/000.png",
                "breakfast_box/test/logical_anomalies/000.png", "breakfast_box/test/logical_anomalies/001.png",
                "breakfast_box/test/structural_anomalies/000.png",
                "breakfast_box/ground_truth/logical_anomalies/000/000.png",
                "breakfast_box/ground_truth/logical_anomalies/000/001.png",
                "breakfast_box/ground_truth/logical_anomalies/001/000.png",
                "breakfast_box/ground_truth/structural_anomalies/000/000.png");
}
