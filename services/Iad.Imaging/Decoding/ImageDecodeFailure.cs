namespace Iad.Imaging.Decoding;

/// <summary>Why bytes could not be turned into an image.</summary>
public enum ImageDecodeFailure
{
    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>A known format whose header or data is damaged or truncated.</summary>
    Corrupt,

    /// <summary>A format, bit depth or channel layout this library does not read.</summary>
    Unsupported,

    /// <summary>The header claims more pixels than the configured limit; nothing was decoded.</summary>
    TooLarge,
}
