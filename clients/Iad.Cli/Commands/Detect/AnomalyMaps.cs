using System.Runtime.InteropServices;
using Iad.Contracts.V1;

namespace Iad.Cli.Commands.Detect;

/// <summary>Reads the float32 anomaly maps the CLI asks detection for.</summary>
internal static class AnomalyMaps
{
    /// <summary>
    /// The values of a float32 map of shape [1, H, W] (or [H, W]), row-major, viewed in place over the message bytes
    /// (valid while <paramref name="map"/> lives).
    /// </summary>
    /// <exception cref="InvalidDataException">Another dtype or rank, or a byte length other than 4·H·W.</exception>
    public static ReadOnlySpan<float> Values(Tensor map, out int height, out int width)
    {
        if (map.Dtype != DataType.Float32) throw new InvalidDataException($"anomaly map is {map.Dtype}; float32 was requested.");
        var shape = map.Shape;
        if (shape.Count is not (2 or 3) || (shape.Count == 3 && shape[0] != 1))
            throw new InvalidDataException($"anomaly map has shape [{string.Join(", ", shape)}]; expected [1, H, W].");
        height = checked((int)shape[^2]);
        width = checked((int)shape[^1]);
        if (map.Data.Length != (long)height * width * sizeof(float))
            throw new InvalidDataException($"anomaly map {height}x{width} carries {map.Data.Length} bytes, expected {(long)height * width * sizeof(float)}.");
        // Tensor bytes are little-endian by contract, as is every platform this CLI runs on.
        return MemoryMarshal.Cast<byte, float>(map.Data.Span);
    }
}
