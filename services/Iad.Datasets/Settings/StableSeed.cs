using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Iad.Datasets.Settings;

/// <summary>
/// Seeds derived from a setting seed, a purpose and a key (a category or an image id): the first bytes of
/// SHA-256(UTF-8 <c>"&lt;seed&gt;|&lt;purpose&gt;|&lt;key&gt;"</c>), read little-endian, with the seed in invariant decimal.
/// Stable across processes and machines (unlike <see cref="string.GetHashCode()"/>), and independent per key, so adding
/// a category or an image never changes the draws of another.
/// </summary>
public static class StableSeed
{
    /// <summary>A 32-bit seed (first 4 bytes), e.g. for per-image perturbation recipes.</summary>
    public static int Of(int seed, string purpose, string key) => BinaryPrimitives.ReadInt32LittleEndian(Digest(seed, purpose, key));

    /// <summary>A 64-bit seed (first 8 bytes), e.g. for a per-category random stream.</summary>
    public static ulong Of64(int seed, string purpose, string key) => BinaryPrimitives.ReadUInt64LittleEndian(Digest(seed, purpose, key));

    private static byte[] Digest(int seed, string purpose, string key) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seed}|{purpose}|{key}")));
}
