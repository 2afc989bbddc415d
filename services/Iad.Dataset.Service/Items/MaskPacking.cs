using Google.Protobuf;
using Iad.Contracts.V1;
using Iad.Imaging.Images;

namespace Iad.Dataset.Service.Items;

/// <summary>Binary masks → wire <see cref="BitPackedMask"/>: pixel i = y·W + x is bit 7 − (i mod 8) of byte ⌊i / 8⌋, rows not padded.</summary>
public static class MaskPacking
{
    public static Mask Pack(BinaryMask mask)
    {
        var pixels = mask.Pixels;
        var bits = new byte[(pixels.Length + 7) / 8];
        for (var i = 0; i < pixels.Length; i++)
        {
            if (pixels[i] != 0) bits[i >> 3] |= (byte)(0x80 >> (i & 7));
        }
        return new Mask { Packed = new BitPackedMask { Width = mask.Width, Height = mask.Height, Bits = UnsafeByteOperations.UnsafeWrap(bits) } };
    }

    /// <summary>Pixel-wise union of equally sized masks, written into <paramref name="target"/>.</summary>
    /// <exception cref="InvalidDataException">The masks differ in size.</exception>
    public static void UnionInto(BinaryMask target, BinaryMask other, string imagePath)
    {
        if (target.Width != other.Width || target.Height != other.Height)
            throw new InvalidDataException($"masks of {imagePath} differ in size: {target.Width}x{target.Height} and {other.Width}x{other.Height}");
        var a = target.Pixels;
        var b = other.Pixels;
        for (var i = 0; i < a.Length; i++) a[i] |= b[i];
    }
}
