namespace Iad.Onnx.Detector;

/// <summary>The <c>metadata_props</c> keys every compiled detector carries.</summary>
public static class DetectorMetadataKeys
{
    /// <summary>Method name, e.g. <c>patchcore</c>.</summary>
    public const string Method = "iad.method";

    /// <summary>Backbone name, e.g. <c>wide_resnet50_2</c> or <c>iad_builtin_v1</c>.</summary>
    public const string Backbone = "iad.backbone";

    /// <summary>Input size as <c>{height}x{width}</c> in pixels, e.g. <c>256x256</c>.</summary>
    public const string InputSize = "iad.input_size";

    /// <summary>Lower-case hex SHA-256 of the dataset-setting manifest the detector was fitted on.</summary>
    public const string ManifestSha256 = "iad.manifest_sha256";

    /// <summary>How raw scores were normalised inside the graph (free text owned by the method, e.g. <c>min_max</c>).</summary>
    public const string ScoreNormalisation = "iad.score_normalisation";

    /// <summary>Version of the product that compiled the detector.</summary>
    public const string Version = "iad.version";

    /// <summary>All required keys.</summary>
    public static IReadOnlyList<string> All { get; } = [Method, Backbone, InputSize, ManifestSha256, ScoreNormalisation, Version];
}
