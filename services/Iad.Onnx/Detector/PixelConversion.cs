using System.Numerics;
using System.Runtime.InteropServices;

namespace Iad.Onnx.Detector;

/// <summary>
/// Conversions of 8-bit pixels into the detector's <see cref="DetectorContract.ImageInput"/> floats, shared by
/// training (streamed uint8 batches) and serving (uint8 request tensors) so both sides feed a detector bit-identical
/// inputs.
/// </summary>
public static class PixelConversion
{
    /// <summary>The factor applied to 8-bit values: v = q · (1/255) in float32, one rounding per element.</summary>
    public const float Uint8Scale = 1f / 255f;

    /// <summary>
    /// Writes destination[i] = source[i] · (1/255) (float32, bit-identical to a scalar loop) in one vectorised pass:
    /// bytes are widened to 32-bit integers, converted and scaled in registers, so the floats are written once.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Uint8ToUnit(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (source.Length != destination.Length)
            throw new ArgumentException($"Source holds {source.Length} bytes but destination {destination.Length} floats.", nameof(destination));
        var i = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<byte>.Count)
        {
            var scale = new Vector<float>(Uint8Scale);
            var lanes = Vector<float>.Count;
            var bytes = MemoryMarshal.Cast<byte, Vector<byte>>(source);
            for (var v = 0; v < bytes.Length; v++, i += Vector<byte>.Count)
            {
                Vector.Widen(bytes[v], out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                var target = destination.Slice(i, Vector<byte>.Count);
                (Vector.ConvertToSingle(Vector.AsVectorInt32(a)) * scale).CopyTo(target);
                (Vector.ConvertToSingle(Vector.AsVectorInt32(b)) * scale).CopyTo(target[lanes..]);
                (Vector.ConvertToSingle(Vector.AsVectorInt32(c)) * scale).CopyTo(target[(2 * lanes)..]);
                (Vector.ConvertToSingle(Vector.AsVectorInt32(d)) * scale).CopyTo(target[(3 * lanes)..]);
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i] * Uint8Scale;
    }
}
