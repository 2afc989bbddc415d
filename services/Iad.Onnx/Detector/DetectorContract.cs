namespace Iad.Onnx.Detector;

/// <summary>
/// The tensor names every compiled detector uses (SPEC §4): input <c>image</c> float32 [N, 3, H, W], RGB in [0, 1]
/// (normalisation happens inside the graph); outputs <c>score</c> float32 [N] and <c>anomaly_map</c> float32 [N, 1, H, W].
/// </summary>
public static class DetectorContract
{
    public const string ImageInput = "image";
    public const string ScoreOutput = "score";
    public const string AnomalyMapOutput = "anomaly_map";

    /// <summary>Colour channels of <see cref="ImageInput"/> (RGB).</summary>
    public const int Channels = 3;
}
