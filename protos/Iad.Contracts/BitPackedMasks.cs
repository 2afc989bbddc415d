using Google.Protobuf;

namespace Iad.Contracts.V1;

/// <summary>
/// The bit layout of <see cref="BitPackedMask"/>: pixel i = y·W + x is bit 7 − (i mod 8) of byte ⌊i / 8⌋ (most significant
/// bit first), ⌈W·H / 8⌉ bytes, rows not padded. Every producer and consumer of packed masks goes through here.
/// </summary>
public static class BitPackedMasks
{
    /// <summary>Packs an H×W mask (non-zero = foreground) into a wire mask.</summary>
    /// <exception cref="ArgumentException">The pixel count is not <paramref name="width"/> · <paramref name="height"/>.</exception>
    public static Mask Pack(ReadOnlySpan<byte> pixels, int width, int height)
    {
        if (pixels.Length != (long)width * height)
            throw new ArgumentException($"A {width}x{height} mask has {(long)width * height} pixels, got {pixels.Length}.", nameof(pixels));
        var bits = new byte[(pixels.Length + 7) / 8];
        for (var i = 0; i < pixels.Length; i++)
        {
            if (pixels[i] != 0) bits[i >> 3] |= (byte)(0x80 >> (i & 7));
        }
        return new Mask { Packed = new BitPackedMask { Width = width, Height = height, Bits = UnsafeByteOperations.UnsafeWrap(bits) } };
    }

    /// <summary>Unpacks <paramref name="packed"/> into 0/1 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> or the bit count does not match the mask's size.</exception>
    public static void Unpack(BitPackedMask packed, Span<byte> destination)
    {
        var pixels = (long)packed.Width * packed.Height;
        if (destination.Length != pixels)
            throw new ArgumentException($"A {packed.Width}x{packed.Height} mask unpacks into {pixels} bytes; the destination holds {destination.Length}.", nameof(destination));
        var bits = packed.Bits.Span;
        if (bits.Length != (pixels + 7) / 8)
            throw new ArgumentException($"A {packed.Width}x{packed.Height} packed mask needs {(pixels + 7) / 8} bytes, got {bits.Length}.", nameof(packed));
        for (var i = 0; i < destination.Length; i++) destination[i] = (byte)((bits[i >> 3] >> (7 - (i & 7))) & 1);
    }
}
