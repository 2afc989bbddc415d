using Google.Protobuf;
using Iad.Contracts.V1;

namespace Iad.Detection.Service.Outputs;

/// <summary>
/// Thresholds a map into the bit-packed mask of common.proto: pixel i = y·W + x is foreground when map[i] &gt; threshold,
/// stored as bit 7 − (i mod 8) of byte ⌊i / 8⌋, ⌈W·H / 8⌉ bytes, rows not padded. NaN is background.
/// </summary>
public static class MaskPacker
{
    /// <summary>The packed mask of <paramref name="map"/> (H×W row-major) at <paramref name="threshold"/>.</summary>
    public static Mask Pack(ReadOnlySpan<float> map, int height, int width, double threshold)
    {
        var bits = new byte[(map.Length + 7) / 8];
        var t = (float)threshold;
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] > t) bits[i >> 3] |= (byte)(0x80 >> (i & 7));
        }
        return new Mask { Packed = new BitPackedMask { Width = width, Height = height, Bits = UnsafeByteOperations.UnsafeWrap(bits) } };
    }
}
