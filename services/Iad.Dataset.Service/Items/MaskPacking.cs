using Iad.Contracts.V1;
using Iad.Imaging.Images;

namespace Iad.Dataset.Service.Items;

/// <summary>Binary masks → wire masks (layout in <see cref="BitPackedMasks"/>), and unions of masks.</summary>
public static class MaskPacking
{
    public static Mask Pack(BinaryMask mask) => BitPackedMasks.Pack(mask.Pixels, mask.Width, mask.Height);

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
