using System.Buffers;
using Iad.Contracts.V1;
using DetectionMessage = Iad.Contracts.V1.Detection;

namespace Iad.Detection.Service.Outputs;

/// <summary>
/// Validated per-image output choices for one model: map encoding, map side (area-averaged from the model's
/// H×W), an optional mask (map &gt; mask threshold, computed on the returned map resolution), and the image label
/// (score &gt; the model's threshold; unspecified when the model has none).
/// </summary>
public sealed record OutputPlan(MapEncoding Encoding, int MapHeight, int MapWidth, bool IncludeMask, double? MaskThreshold, double? LabelThreshold)
{
    /// <summary>Whether the anomaly map has to be copied out of the batch.</summary>
    public bool NeedsMap => Encoding != MapEncoding.None || IncludeMask;

    /// <summary>
    /// Resolves <paramref name="options"/> (null = score only) for a model with an <paramref name="inputHeight"/>×<paramref name="inputWidth"/>
    /// map and an optional <paramref name="modelThreshold"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown encoding, map_size outside 0..min(H, W), a non-finite threshold, or a mask without any threshold.</exception>
    public static OutputPlan Resolve(OutputOptions? options, int inputHeight, int inputWidth, double? modelThreshold)
    {
        options ??= new OutputOptions();
        var encoding = options.MapEncoding switch
        {
            MapEncoding.Unspecified or MapEncoding.None => MapEncoding.None,
            MapEncoding.Float32 or MapEncoding.Float16 or MapEncoding.Uint8 => options.MapEncoding,
            var other => throw new ArgumentException($"output.map_encoding {(int)other} is not a known MapEncoding."),
        };
        var side = options.MapSize;
        if (side < 0 || side > Math.Min(inputHeight, inputWidth))
            throw new ArgumentException($"output.map_size = {side} must be in 0..{Math.Min(inputHeight, inputWidth)} (0 keeps the model's {inputHeight}x{inputWidth}; maps are only downsampled).");
        if (options.HasThreshold && !double.IsFinite(options.Threshold))
            throw new ArgumentException($"output.threshold = {options.Threshold} is not a finite number.");
        var maskThreshold = options.HasThreshold ? options.Threshold : modelThreshold;
        if (options.IncludeMask && maskThreshold is null)
            throw new ArgumentException("output.include_mask needs a threshold: the model carries none, so set output.threshold.");
        return new OutputPlan(encoding, side == 0 ? inputHeight : side, side == 0 ? inputWidth : side, options.IncludeMask, maskThreshold, modelThreshold);
    }

    /// <summary>The wire result for one image from its <paramref name="score"/> and (when <see cref="NeedsMap"/>) its full-resolution map.</summary>
    public DetectionMessage Build(float score, ReadOnlySpan<float> map, int height, int width)
    {
        var detection = new DetectionMessage
        {
            Score = score,
            Label = LabelThreshold is { } t ? (score > t ? Label.Anomalous : Label.Normal) : Label.Unspecified,
        };
        if (!NeedsMap) return detection;
        var length = MapHeight * MapWidth;
        float[]? rented = null;
        var resized = map;
        if (MapHeight != height || MapWidth != width)
        {
            rented = ArrayPool<float>.Shared.Rent(length);
            AreaDownsampler.Downsample(map, height, width, rented.AsSpan(0, length), MapHeight, MapWidth);
            resized = rented.AsSpan(0, length);
        }
        try
        {
            if (Encoding != MapEncoding.None) detection.AnomalyMap = MapEncoder.Encode(resized, MapHeight, MapWidth, Encoding);
            if (IncludeMask) detection.Mask = MaskPacker.Pack(resized, MapHeight, MapWidth, MaskThreshold!.Value);
        }
        finally
        {
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
        return detection;
    }
}
