namespace Iad.Evaluation.Pixel;

/// <summary>Reads one MVTec LOCO region mask: its area and its defect type's saturation area.</summary>
internal static class LocoRegion
{
    /// <summary>Returns false for an empty mask; otherwise the area and saturation area of the region.</summary>
    public static bool TryDescribe(byte[] mask, int pixels, int index, DefectsConfig defects, out int area, out double saturation)
    {
        if (mask.Length != pixels)
            throw new ArgumentException($"region mask {index} has {mask.Length} pixels but the anomaly map has {pixels}.", "regionMasks");
        area = 0;
        saturation = 0;
        var first = mask.AsSpan().IndexOfAnyExcept((byte)0);
        if (first < 0) return false;
        var value = mask[first];
        for (var p = first; p < mask.Length; p++)
        {
            var v = mask[p];
            if (v == 0) continue;
            if (v != value)
                throw new ArgumentException($"region mask {index} mixes pixel values {value} and {v} (at index {p}); one mask is one region of one defect type.", "regionMasks");
            area++;
        }
        saturation = defects.ByPixelValue(value).SaturationArea(area);
        return true;
    }
}
