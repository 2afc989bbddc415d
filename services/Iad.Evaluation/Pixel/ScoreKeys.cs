namespace Iad.Evaluation.Pixel;

/// <summary>
/// Order-preserving map between float scores and unsigned 32-bit keys, so that pixel scores can be radix-sorted:
/// a &lt; b ⇔ key(a) &lt; key(b) for all non-NaN floats, −0 and +0 map to the same key, ±∞ are ordered normally.
/// </summary>
internal static class ScoreKeys
{
    public static uint FromScore(float score)
    {
        // Adding +0 turns −0 into +0, so the two zeros tie as they do in a float comparison.
        var bits = BitConverter.SingleToUInt32Bits(score + 0f);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    public static float ToScore(uint key)
    {
        var bits = (key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key;
        return BitConverter.UInt32BitsToSingle(bits);
    }
}
