using System.Numerics.Tensors;

namespace Iad.Cli.Commands.Detect;

/// <summary>The anomaly-map values shown from the cold to the hot end of the colour map.</summary>
/// <param name="Low">Value drawn dark blue (t = 0).</param>
/// <param name="High">Value drawn dark red (t = 1).</param>
internal readonly record struct MapRange(float Low, float High)
{
    /// <summary>
    /// [0, 2·threshold] when a positive threshold is known, so the threshold sits mid-scale (green) and overlays of one
    /// run compare directly; otherwise the map's own [min, max].
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="map"/> is empty.</exception>
    public static MapRange For(double? threshold, ReadOnlySpan<float> map)
    {
        if (threshold is { } t && t > 0 && double.IsFinite(t)) return new MapRange(0f, (float)(2 * t));
        return new MapRange(TensorPrimitives.Min(map), TensorPrimitives.Max(map));
    }
}
