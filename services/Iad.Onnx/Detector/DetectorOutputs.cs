namespace Iad.Onnx.Detector;

/// <summary>
/// Views of one detector run's results inside the session's reused buffers; valid until the session's next run.
/// </summary>
public readonly ref struct DetectorOutputs
{
    internal DetectorOutputs(int batchSize, int height, int width, ReadOnlySpan<float> scores, ReadOnlySpan<float> anomalyMaps)
    {
        BatchSize = batchSize;
        Height = height;
        Width = width;
        Scores = scores;
        AnomalyMaps = anomalyMaps;
    }

    public int BatchSize { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Image scores, one per sample: [N].</summary>
    public ReadOnlySpan<float> Scores { get; }

    /// <summary>All anomaly maps, [N, 1, H, W] row-major.</summary>
    public ReadOnlySpan<float> AnomalyMaps { get; }

    /// <summary>The H×W anomaly map of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> AnomalyMap(int index) => AnomalyMaps.Slice(index * Height * Width, Height * Width);
}
